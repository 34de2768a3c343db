package org.teamsprovisioner.provisioning;

import java.util.List;

/**
 * The team a portal asked for, normalised (defaults applied, lists never null). Validation lives in
 * {@link NewTeamRequest}, so a stored spec always loads even if the rules tighten later.
 *
 * @param owners user object ids or UPNs
 * @param members user object ids or UPNs
 * @param existingGroupId a Microsoft 365 group to turn into a team instead of creating a new one
 */
public record TeamSpec(
        String displayName,
        String description,
        String visibility,
        String template,
        List<String> owners,
        List<String> members,
        List<ChannelSpec> channels,
        String existingGroupId) {

    public static final String DEFAULT_VISIBILITY = "private";
    public static final String DEFAULT_TEMPLATE = "standard";

    public TeamSpec {
        displayName = displayName == null ? null : displayName.strip();
        description = description == null || description.isBlank() ? null : description.strip();
        visibility = visibility == null ? DEFAULT_VISIBILITY : visibility.strip().toLowerCase(java.util.Locale.ROOT);
        template = template == null ? DEFAULT_TEMPLATE : template.strip();
        owners = stripAll(owners);
        members = stripAll(members);
        channels = channels == null ? List.of() : List.copyOf(channels);
        existingGroupId = existingGroupId == null || existingGroupId.isBlank() ? null : existingGroupId.strip();
    }

    private static List<String> stripAll(List<String> values) {
        return values == null ? List.of() : values.stream().map(v -> v == null ? null : v.strip()).toList();
    }

    /** @param favoriteByDefault whether the channel shows for every member without being followed */
    public record ChannelSpec(String displayName, String description, boolean favoriteByDefault) {

        public ChannelSpec {
            displayName = displayName == null ? null : displayName.strip();
            description = description == null || description.isBlank() ? null : description.strip();
        }
    }
}
