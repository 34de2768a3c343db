package org.teamsprovisioner.provisioning;

import java.time.Clock;
import org.springframework.stereotype.Component;
import org.teamsprovisioner.graph.GraphClient;
import org.teamsprovisioner.graph.NewTeam;
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
        return graph.createTeam(newTeam(request.spec()))
                .map(created -> StepResult.after(
                        request.creationAccepted(created.teamId(), created.operationId(), clock.instant()),
                        properties.pollInterval()));
    }

    static NewTeam newTeam(TeamSpec spec) {
        return new NewTeam(spec.template(), spec.displayName(), spec.description(), spec.visibility(), spec.owners(),
                spec.members(),
                spec.channels().stream()
                        .map(c -> new NewTeam.NewChannel(c.displayName(), c.description(), c.favoriteByDefault()))
                        .toList(),
                spec.existingGroupId());
    }
}
