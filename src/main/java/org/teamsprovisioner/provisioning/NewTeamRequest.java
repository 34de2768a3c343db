package org.teamsprovisioner.provisioning;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The command to submit a team request. It validates itself: constructing one with a structurally
 * invalid spec throws {@link InvalidTeamRequestException} listing every problem. Org policy (naming,
 * allowed templates, ...) is checked separately; these are the limits Graph itself imposes.
 *
 * @param requester the caller's stable id (Entra object id, or the token subject)
 */
public record NewTeamRequest(String requester, TeamSpec spec) {

    // Microsoft 365 group displayName limit; a team takes its name from its group.
    static final int MAX_DISPLAY_NAME = 256;
    // Graph's limit for team and channel descriptions.
    static final int MAX_DESCRIPTION = 1024;
    // Graph's channel displayName limit.
    static final int MAX_CHANNEL_NAME = 50;
    // A Microsoft 365 group has at most 100 owners.
    static final int MAX_OWNERS = 100;
    private static final Set<String> VISIBILITIES = Set.of("private", "public");
    private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern UPN = Pattern.compile("[^@\\s']+@[^@\\s']+\\.[^@\\s']+");
    private static final Pattern TEMPLATE_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    public NewTeamRequest {
        if (requester == null || requester.isBlank()) {
            throw new IllegalArgumentException("requester is required");
        }
        List<Violation> violations = new ArrayList<>();
        checkName(spec.displayName(), violations);
        if (spec.description() != null && spec.description().length() > MAX_DESCRIPTION) {
            violations.add(new Violation("description.length", "/description", "must be at most " + MAX_DESCRIPTION + " characters"));
        }
        if (!VISIBILITIES.contains(spec.visibility())) {
            violations.add(new Violation("visibility.value", "/visibility", "must be 'private' or 'public'"));
        }
        if (!TEMPLATE_ID.matcher(spec.template()).matches()) {
            violations.add(new Violation("template.format", "/template", "must be a Teams template id such as 'standard'"));
        }
        checkUsers("owners", spec.owners(), violations);
        if (spec.owners().isEmpty()) {
            violations.add(new Violation("owners.required", "/owners", "at least one owner is required"));
        } else if (spec.owners().size() > MAX_OWNERS) {
            violations.add(new Violation("owners.max", "/owners", "at most " + MAX_OWNERS + " owners are allowed"));
        }
        checkUsers("members", spec.members(), violations);
        checkChannels(spec.channels(), violations);
        if (spec.existingGroupId() != null && !OBJECT_ID.matcher(spec.existingGroupId()).matches()) {
            violations.add(new Violation("existingGroupId.format", "/existingGroupId", "must be a group object id (a GUID)"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidTeamRequestException(violations);
        }
    }

    private static void checkName(String name, List<Violation> violations) {
        if (name == null || name.isEmpty()) {
            violations.add(new Violation("displayName.required", "/displayName", "is required"));
        } else if (name.length() > MAX_DISPLAY_NAME) {
            violations.add(new Violation("displayName.length", "/displayName", "must be at most " + MAX_DISPLAY_NAME + " characters"));
        }
    }

    private static void checkUsers(String field, List<String> users, List<Violation> violations) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < users.size(); i++) {
            String user = users.get(i);
            String pointer = "/" + field + "/" + i;
            if (user == null || !(OBJECT_ID.matcher(user).matches() || UPN.matcher(user).matches())) {
                violations.add(new Violation(field + ".format", pointer, "must be a user principal name or an object id"));
            } else if (!seen.add(user.toLowerCase(Locale.ROOT))) {
                violations.add(new Violation(field + ".duplicate", pointer, "'" + user + "' is listed more than once"));
            }
        }
    }

    private static void checkChannels(List<TeamSpec.ChannelSpec> channels, List<Violation> violations) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < channels.size(); i++) {
            TeamSpec.ChannelSpec channel = channels.get(i);
            String pointer = "/channels/" + i;
            if (channel == null || channel.displayName() == null || channel.displayName().isEmpty()) {
                violations.add(new Violation("channels.displayName.required", pointer + "/displayName", "is required"));
                continue;
            }
            if (channel.displayName().length() > MAX_CHANNEL_NAME) {
                violations.add(new Violation("channels.displayName.length", pointer + "/displayName",
                        "must be at most " + MAX_CHANNEL_NAME + " characters"));
            }
            // Every team already has a General channel, and channel names are unique within a team.
            if (channel.displayName().equalsIgnoreCase("General") || !seen.add(channel.displayName().toLowerCase(Locale.ROOT))) {
                violations.add(new Violation("channels.displayName.unique", pointer + "/displayName",
                        "'" + channel.displayName() + "' is already a channel of the team"));
            }
            if (channel.description() != null && channel.description().length() > MAX_DESCRIPTION) {
                violations.add(new Violation("channels.description.length", pointer + "/description",
                        "must be at most " + MAX_DESCRIPTION + " characters"));
            }
        }
    }
}
