package org.teamsprovisioner.provisioning;

import java.time.Clock;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Step {@link Step#READ_TEAM}: the operation succeeded; read the team for its {@code webUrl}. */
@Component
class ReadCreatedTeam {

    private final TeamProgress graph;
    private final TeamSucceeded succeeded;
    private final Clock clock;

    ReadCreatedTeam(TeamProgress graph, TeamSucceeded succeeded, Clock clock) {
        this.graph = graph;
        this.succeeded = succeeded;
        this.clock = clock;
    }

    Mono<StepResult> run(TeamRequest request) {
        return graph.team(request.teamId()).map(team -> AddMembersToTeam.beyondCreate(request.spec()).isEmpty()
                ? succeeded.of(request, team.webUrl())
                : StepResult.after(request.teamReady(team.webUrl(), clock.instant()), java.time.Duration.ZERO));
    }
}
