package org.teamsprovisioner.request;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The limits Microsoft Teams and Graph impose on a requested team, checked before anything is sent:
 * every way a spec breaks them is one {@link Violation}. The organisation's own, stricter rules are
 * the policy's; both report through the same type so a portal gets them together.
 */
public final class TeamsLimits {

    // Microsoft 365 group displayName limit; a team takes its name from its group.
    static final int MAX_DISPLAY_NAME = 256;
    // Graph's limit for team and channel descriptions.
    static final int MAX_DESCRIPTION = 1024;
    private static final Set<String> VISIBILITIES = Set.of("private", "public");
    private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern UPN = Pattern.compile("[^@\\s']+@[^@\\s']+\\.[^@\\s']+");
    private static final Pattern TEMPLATE_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private TeamsLimits() {
    }

    /** Every way {@code spec} breaks Teams' and Graph's limits, in field order; empty when none. */
    public static List<Violation> problemsOf(TeamSpec spec) {
        return problemsOf(spec, ListLimits.TEAMS);
    }

    /**
     * As {@link #problemsOf(TeamSpec)}, with the lists held to {@code limits} (never looser than
     * Teams'): a list over its limit is one violation, and its entries are not checked.
     */
    public static List<Violation> problemsOf(TeamSpec spec, ListLimits limits) {
        ListLimits max = limits.withinTeams();
        List<Violation> violations = new ArrayList<>();
        checkName(spec.displayName(), violations);
        if (spec.description() != null) {
            checkDescription("description", "/description", spec.description(), violations);
        }
        if (spec.visibility() != null && !VISIBILITIES.contains(spec.visibility())) {
            violations.add(new Violation("visibility.value", "/visibility", "must be 'private' or 'public'"));
        }
        if (spec.template() != null && !isTemplateId(spec.template())) {
            violations.add(new Violation("template.format", "/template", "must be a Teams template id such as 'standard'"));
        }
        if (spec.owners().isEmpty()) {
            violations.add(new Violation("owners.required", "/owners", "at least one owner is required"));
        } else if (spec.owners().size() > max.owners()) {
            violations.add(new Violation("owners.max", "/owners", "at most " + max.owners() + " owners are allowed"));
        } else {
            checkUsers("owners", spec.owners(), violations);
        }
        if (spec.members().size() > max.members()) {
            violations.add(new Violation("members.max", "/members", "at most " + max.members() + " members are allowed in one request"));
        } else {
            checkUsers("members", spec.members(), violations);
        }
        if (spec.channels().size() > max.channels()) {
            violations.add(new Violation("channels.max", "/channels", "at most " + max.channels() + " channels are allowed"));
        } else {
            checkChannels(spec.channels(), violations);
        }
        checkSettings(spec.settings(), violations);
        if (spec.existingGroupId() != null && !isObjectId(spec.existingGroupId())) {
            violations.add(new Violation("existingGroupId.format", "/existingGroupId", "must be a group object id (a GUID)"));
        }
        return violations;
    }

    /** Whether {@code id} has the form of an Entra object id (a GUID). */
    public static boolean isObjectId(String id) {
        return id != null && OBJECT_ID.matcher(id).matches();
    }

    /** Whether {@code template} has the form of a Teams template id; other strings are reported, not compared. */
    public static boolean isTemplateId(String template) {
        return template != null && TEMPLATE_ID.matcher(template).matches();
    }

    /** Whether {@code user} is written as a UPN or an object id; other strings are reported, not looked up. */
    public static boolean isUserReference(String user) {
        return user != null && (isObjectId(user) || UPN.matcher(user).matches());
    }

    private static void checkName(String name, List<Violation> violations) {
        if (name == null || name.isEmpty()) {
            violations.add(new Violation("displayName.required", "/displayName", "is required"));
            return;
        }
        if (name.length() > MAX_DISPLAY_NAME) {
            violations.add(new Violation("displayName.length", "/displayName", "must be at most " + MAX_DISPLAY_NAME + " characters"));
        }
        controlCharacter(name, false).ifPresent(c -> violations.add(new Violation("displayName.character", "/displayName",
                "may not contain control characters (U+" + String.format("%04X", c) + ")")));
    }

    /** A description: at most 1024 characters, line breaks and tabs but no other control characters. */
    private static void checkDescription(String rule, String pointer, String description, List<Violation> violations) {
        if (description.length() > MAX_DESCRIPTION) {
            violations.add(new Violation(rule + ".length", pointer, "must be at most " + MAX_DESCRIPTION + " characters"));
        }
        controlCharacter(description, true).ifPresent(c -> violations.add(new Violation(rule + ".character", pointer,
                "may not contain control characters other than tabs and line breaks (U+" + String.format("%04X", c) + ")")));
    }

    /**
     * The first control character (Unicode category Cc: U+0000 to U+001F, U+007F to U+009F) in
     * {@code text}. Graph documents no character rule for a team's name or description, but it took
     * a name of a single U+0000 and created a team nobody can read or find: a control character is
     * never what a portal meant to send.
     */
    private static java.util.OptionalInt controlCharacter(String text, boolean lineBreaksAllowed) {
        return text.chars()
                .filter(c -> Character.getType(c) == Character.CONTROL)
                .filter(c -> !(lineBreaksAllowed && (c == '\t' || c == '\n' || c == '\r')))
                .findFirst();
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
            if (channel == null) {
                violations.add(new Violation("channels.value", pointer, "must be a channel, e.g. {\"displayName\": \"Announcements\"}"));
                continue;
            }
            if (channel.displayName() == null || channel.displayName().isEmpty()) {
                violations.add(new Violation("channels.displayName.required", pointer + "/displayName", "is required"));
            } else {
                checkChannelName(channel.displayName(), pointer + "/displayName", seen, violations);
            }
            if (channel.description() != null) {
                checkDescription("channels.description", pointer + "/description", channel.description(), violations);
            }
        }
    }

    private static void checkChannelName(String name, String pointer, Set<String> seen, List<Violation> violations) {
        for (String problem : ChannelNames.problems(name)) {
            violations.add(new Violation("channels.displayName.format", pointer, problem));
        }
        // Channel names are unique within a team, whatever their case, and the team's first channel is General.
        if (name.equalsIgnoreCase(GENERAL)) {
            violations.add(new Violation("channels.displayName.unique", pointer,
                    "'" + name + "' is the name of the team's General channel, which every team has"));
        } else if (!seen.add(name.toLowerCase(Locale.ROOT))) {
            violations.add(new Violation("channels.displayName.unique", pointer, "'" + name + "' is listed more than once"));
        }
    }

    // Create team: "If this property isn't specified, the first channel's name is General"; the service never renames it.
    private static final String GENERAL = "General";

    private static void checkSettings(Map<String, Map<String, Object>> settings, List<Violation> violations) {
        if (settings.size() > TeamSettings.PROPERTIES.size()) {
            // More groups than Graph has: one violation, not one per made-up group.
            violations.add(new Violation("settings.unknown", "/settings", "has " + settings.size()
                    + " groups; Graph's team settings are only " + TeamSettings.PROPERTIES.keySet()));
            return;
        }
        // Sorted, so the order of violations does not depend on the order of JSON members.
        new java.util.TreeMap<>(settings).forEach((group, values) -> {
            Set<String> properties = TeamSettings.PROPERTIES.get(group);
            String groupPointer = "/settings/" + group;
            if (properties == null) {
                violations.add(new Violation("settings.unknown", groupPointer,
                        "is not a team settings group; use one of " + TeamSettings.PROPERTIES.keySet()));
            } else if (values == null) {
                violations.add(new Violation("settings.value", groupPointer,
                        "must be an object of " + group + " properties, e.g. {\"" + new java.util.TreeSet<>(properties).first() + "\": false}"));
            } else if (values.size() > properties.size()) {
                violations.add(new Violation("settings.unknown", groupPointer, "has " + values.size()
                        + " properties; " + group + " has only " + new java.util.TreeSet<>(properties)));
            } else {
                checkSettingValues(group, groupPointer, properties, values, violations);
            }
        });
    }

    private static void checkSettingValues(String group, String groupPointer, Set<String> properties, Map<String, Object> values,
            List<Violation> violations) {
        new java.util.TreeMap<>(values).forEach((property, value) -> {
            String pointer = groupPointer + "/" + property;
            if (!properties.contains(property)) {
                violations.add(new Violation("settings.unknown", pointer, "is not a property of " + group));
            } else if (!TeamSettings.isValidValue(property, value)) {
                violations.add(new Violation("settings.value", pointer, property.equals("giphyContentRating")
                        ? "must be 'strict' or 'moderate'" : "must be true or false"));
            }
        });
    }
}
