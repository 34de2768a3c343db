package org.teamsprovisioner.provisioning;

import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Step {@link Step#READ_TEAM}: the operation succeeded; read the team for its {@code webUrl}. */
@Component
class ReadCreatedTeam implements StepHandler {

    private final TeamProgress graph;
    private final TeamSucceeded succeeded;
    private final Clock clock;

    ReadCreatedTeam(TeamProgress graph, TeamSucceeded succeeded, Clock clock) {
        this.graph = graph;
        this.succeeded = succeeded;
        this.clock = clock;
    }

    @Override
    public Mono<StepResult> run(TeamRequest request, boolean reconcileFirst) {
        return graph.team(request.progress().teamId()).map(team -> MembershipPlan.of(request.spec()).hasMembersToAdd()
                ? StepResult.after(request.teamReady(team.webUrl(), clock.instant()), Duration.ZERO)
                : succeeded.of(request, team.webUrl()));
    }
}
