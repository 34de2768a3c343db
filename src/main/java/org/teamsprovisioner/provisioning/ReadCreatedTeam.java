package org.teamsprovisioner.provisioning;

import java.time.Clock;
import org.springframework.stereotype.Component;
import org.teamsprovisioner.graph.GraphClient;
import reactor.core.publisher.Mono;

/** Step {@link Step#READ_TEAM}: the operation succeeded; read the team for its {@code webUrl}. */
@Component
class ReadCreatedTeam {

    private final GraphClient graph;
    private final TeamSucceeded succeeded;
    private final Clock clock;

    ReadCreatedTeam(GraphClient graph, TeamSucceeded succeeded, Clock clock) {
        this.graph = graph;
        this.succeeded = succeeded;
        this.clock = clock;
    }

    Mono<StepResult> run(TeamRequest request) {
        return graph.getTeam(request.teamId()).map(team -> AddMembersToTeam.beyondCreate(request.spec()).isEmpty()
                ? succeeded.of(request, team.webUrl())
                : StepResult.after(request.teamReady(team.webUrl(), clock.instant()), java.time.Duration.ZERO));
    }
}
