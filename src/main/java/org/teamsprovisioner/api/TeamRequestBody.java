package org.teamsprovisioner.api;

import java.util.List;
import org.teamsprovisioner.provisioning.NewTeamRequest;
import org.teamsprovisioner.provisioning.TeamSpec;

/** The JSON a portal posts. Unknown fields are refused (see {@code spring.jackson.deserialization}). */
record TeamRequestBody(
        String displayName,
        String description,
        String visibility,
        String template,
        List<String> owners,
        List<String> members,
        List<ChannelBody> channels,
        String existingGroupId) {

    record ChannelBody(String displayName, String description, Boolean favoriteByDefault) {
    }

    NewTeamRequest toCommand(String requester) {
        List<TeamSpec.ChannelSpec> channelSpecs = channels == null ? null : channels.stream()
                .map(c -> c == null ? null : new TeamSpec.ChannelSpec(c.displayName(), c.description(), Boolean.TRUE.equals(c.favoriteByDefault())))
                .toList();
        return new NewTeamRequest(requester,
                new TeamSpec(displayName, description, visibility, template, owners, members, channelSpecs, existingGroupId));
    }
}
