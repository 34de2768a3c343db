package org.teamsprovisioner.provisioning;

import org.springframework.stereotype.Component;
import org.teamsprovisioner.graph.GraphClient;
import org.teamsprovisioner.graph.NewTeam;
import org.teamsprovisioner.graph.TeamBody;
import org.teamsprovisioner.request.TeamSpec;

/** What a spec becomes in Graph's terms: the one mapping both provisioning and previews use. */
@Component
public class TeamCreationPayload {

    private final GraphClient graph;

    TeamCreationPayload(GraphClient graph) {
        this.graph = graph;
    }

    /** The exact {@code POST /teams} body provisioning will send for this (approved) spec. */
    public TeamBody bodyFor(TeamSpec spec) {
        return graph.bodyFor(newTeam(spec, spec.existingGroupId()));
    }

    /** @param groupId the group the team is made from; null to create team and group in one call */
    static NewTeam newTeam(TeamSpec spec, String groupId) {
        return new NewTeam(spec.template(), spec.displayName(), spec.description(), spec.visibility(), spec.owners(),
                spec.members(),
                spec.channels().stream()
                        .map(c -> new NewTeam.NewChannel(c.displayName(), c.description(), c.favoriteByDefault()))
                        .toList(),
                groupId, spec.settings(), spec.installedApps());
    }
}
