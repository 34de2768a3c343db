package org.teamsprovisioner.request;

import java.util.List;
import java.util.Map;

/**
 * A team request's content, normalised (trimmed, lists never null). As submitted it may leave
 * visibility and template open; once the org policy has approved it, every field the Graph call
 * needs is set. Validation lives in {@link TeamsLimits}, so a stored spec always loads even if
 * the rules tighten later.
 *
 * @param owners user object ids or UPNs
 * @param members user object ids or UPNs
 * @param existingGroupId a Microsoft 365 group to turn into a team instead of creating a new one
 * @param settings Graph team settings by group ({@code memberSettings}, ...) and property
 * @param installedApps Teams app catalog ids to install
 * @param creationMode {@code direct} or {@code group-first}; set by policy
 */
public record TeamSpec(
        String displayName,
        String description,
        String visibility,
        String template,
        List<String> owners,
        List<String> members,
        List<ChannelSpec> channels,
        String existingGroupId,
        Map<String, Map<String, Object>> settings,
        List<String> installedApps,
        String creationMode) {

    public TeamSpec {
        displayName = displayName == null ? null : displayName.strip();
        description = description == null || description.isBlank() ? null : description.strip();
        visibility = visibility == null || visibility.isBlank() ? null : visibility.strip().toLowerCase(java.util.Locale.ROOT);
        template = template == null || template.isBlank() ? null : template.strip();
        owners = stripAll(owners);
        members = stripAll(members);
        // Copies that keep nulls: a portal's [null] or {"memberSettings": null} must reach the checks as such.
        channels = channels == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(channels));
        existingGroupId = existingGroupId == null || existingGroupId.isBlank() ? null : existingGroupId.strip();
        settings = settings == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
        installedApps = installedApps == null ? List.of() : List.copyOf(installedApps);
    }

    /** A request as a portal sends it: no settings, apps or creation mode yet. */
    public static TeamSpec requested(String displayName, String description, String visibility, String template,
            List<String> owners, List<String> members, List<ChannelSpec> channels, String existingGroupId) {
        return new TeamSpec(displayName, description, visibility, template, owners, members, channels, existingGroupId,
                null, null, null);
    }

    /** Group-first mode: {@code POST /groups} first, then the team from that group (not for an existing group). */
    public boolean createsGroupFirst() {
        return existingGroupId == null && "group-first".equals(creationMode);
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
