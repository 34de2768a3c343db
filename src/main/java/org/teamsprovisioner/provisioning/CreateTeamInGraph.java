package org.teamsprovisioner.provisioning;

import java.time.Clock;
import org.springframework.stereotype.Component;
import org.teamsprovisioner.graph.GraphClient;
import reactor.core.publisher.Mono;

/** Step {@link Step#CREATE_TEAM}: {@code POST /teams}, then remember the team and operation ids Graph returned. */
@Component
class CreateTeamInGraph {

    private final GraphClient graph;
    private final ProvisioningProperties properties;
    private final Clock clock;

    CreateTeamInGraph(GraphClient graph, ProvisioningProperties properties, Clock clock) {
        this.graph = graph;
        this.properties = properties;
        this.clock = clock;
    }

    Mono<StepResult> run(TeamRequest request) {
        return graph.createTeam(TeamCreationPayload.newTeam(request.spec()))
                .map(created -> StepResult.after(
                        request.creationAccepted(created.teamId(), created.operationId(), clock.instant()),
                        properties.pollInterval()));
    }
}
