package org.teamsprovisioner.provisioning;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The command to provision a team. It validates itself against the limits Microsoft Teams and
 * Graph impose: constructing one with a spec that breaks them throws
 * {@link InvalidTeamRequestException} listing every problem. The organisation's own rules are the
 * policy's; {@link #problemsOf} lets it report both kinds together.
 *
 * @param requester the caller's stable id (Entra object id, or the token subject)
 */
public record NewTeamRequest(String requester, TeamSpec spec) {

    // Microsoft 365 group displayName limit; a team takes its name from its group.
    static final int MAX_DISPLAY_NAME = 256;
    // Graph's limit for team and channel descriptions.
    static final int MAX_DESCRIPTION = 1024;
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
        List<Violation> violations = problemsOf(spec);
        if (!violations.isEmpty()) {
            throw new InvalidTeamRequestException(violations);
        }
    }

    /** Every way {@code spec} breaks Teams' and Graph's limits, in field order; empty when none. */
    public static List<Violation> problemsOf(TeamSpec spec) {
        List<Violation> violations = new ArrayList<>();
        checkName(spec.displayName(), violations);
        if (spec.description() != null && spec.description().length() > MAX_DESCRIPTION) {
            violations.add(new Violation("description.length", "/description", "must be at most " + MAX_DESCRIPTION + " characters"));
        }
        if (spec.visibility() != null && !VISIBILITIES.contains(spec.visibility())) {
            violations.add(new Violation("visibility.value", "/visibility", "must be 'private' or 'public'"));
        }
        if (spec.template() != null && !isTemplateId(spec.template())) {
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
        checkSettings(spec.settings(), violations);
        if (spec.existingGroupId() != null && !OBJECT_ID.matcher(spec.existingGroupId()).matches()) {
            violations.add(new Violation("existingGroupId.format", "/existingGroupId", "must be a group object id (a GUID)"));
        }
        return violations;
    }

    /** Whether {@code template} has the form of a Teams template id; other strings are reported, not compared. */
    public static boolean isTemplateId(String template) {
        return template != null && TEMPLATE_ID.matcher(template).matches();
    }

    /** Whether {@code user} is written as a UPN or an object id; other strings are reported, not looked up. */
    public static boolean isUserReference(String user) {
        return user != null && (OBJECT_ID.matcher(user).matches() || UPN.matcher(user).matches());
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
            if (!isUserReference(user)) {
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
            for (String problem : ChannelNames.problems(channel.displayName())) {
                violations.add(new Violation("channels.displayName.format", pointer + "/displayName", problem));
            }
            // Channel names are unique within a team, whatever their case.
            if (!seen.add(channel.displayName().toLowerCase(Locale.ROOT))) {
                violations.add(new Violation("channels.displayName.unique", pointer + "/displayName",
                        "'" + channel.displayName() + "' is listed more than once"));
            }
            if (channel.description() != null && channel.description().length() > MAX_DESCRIPTION) {
                violations.add(new Violation("channels.description.length", pointer + "/description",
                        "must be at most " + MAX_DESCRIPTION + " characters"));
            }
        }
    }

    private static void checkSettings(Map<String, Map<String, Object>> settings, List<Violation> violations) {
        // Sorted, so the order of violations does not depend on the order of JSON members.
        new java.util.TreeMap<>(settings).forEach((group, values) -> {
            Set<String> properties = TeamSettings.PROPERTIES.get(group);
            if (properties == null) {
                violations.add(new Violation("settings.unknown", "/settings/" + group,
                        "is not a team settings group; use one of " + TeamSettings.PROPERTIES.keySet()));
                return;
            }
            new java.util.TreeMap<>(values == null ? Map.<String, Object>of() : values).forEach((property, value) -> {
                String pointer = "/settings/" + group + "/" + property;
                if (!properties.contains(property)) {
                    violations.add(new Violation("settings.unknown", pointer, "is not a property of " + group));
                } else if (!TeamSettings.isValidValue(property, value)) {
                    violations.add(new Violation("settings.value", pointer, property.equals("giphyContentRating")
                            ? "must be 'strict' or 'moderate'" : "must be true or false"));
                }
            });
        });
    }
}
