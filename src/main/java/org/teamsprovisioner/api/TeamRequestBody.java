package org.teamsprovisioner.api;

import java.util.List;
import java.util.Map;
import org.teamsprovisioner.request.TeamSpec;

/** The JSON a portal posts. Unknown fields are refused (see {@code spring.jackson.deserialization}). */
record TeamRequestBody(
        String displayName,
        String description,
        String visibility,
        String template,
        List<String> owners,
        List<String> members,
        List<ChannelBody> channels,
        String existingGroupId,
        Map<String, Map<String, Object>> settings) {

    record ChannelBody(String displayName, String description, Boolean favoriteByDefault) {
    }

    TeamSpec toSpec() {
        List<TeamSpec.ChannelSpec> channelSpecs = channels == null ? null : channels.stream()
                .map(c -> c == null ? null : new TeamSpec.ChannelSpec(c.displayName(), c.description(), Boolean.TRUE.equals(c.favoriteByDefault())))
                .toList();
        return new TeamSpec(displayName, description, visibility, template, owners, members, channelSpecs, existingGroupId,
                settings, null, null);
    }
}
