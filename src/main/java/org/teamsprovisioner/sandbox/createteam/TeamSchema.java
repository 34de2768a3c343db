package org.teamsprovisioner.sandbox.createteam;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.teamsprovisioner.sandbox.http.GraphException;

/**
 * The shape of a Create team body: which properties each object of it may carry and what JSON
 * kind each one holds. Graph's OData reader rejects a property its type does not define ("The
 * property 'x' does not exist on type 'microsoft.graph.team'. Make sure to only use property
 * names that are defined by the type or mark the type as open type.") and a value of the wrong
 * kind before any business rule runs; the sandbox therefore walks the body in document order and
 * reports the first such problem, with the path to it. Instance annotations it does not know
 * (names starting with {@code @}) are skipped, as OData readers skip them.
 *
 * <p>The allow-lists are the writable properties of the documented resources: team (v1.0 and
 * beta, including the instance attribute {@code @microsoft.graph.teamCreationMode} and the
 * {@code firstChannelName} create-only property), channel, teamsTab, teamsTabConfiguration,
 * teamsAppInstallation, aadUserConversationMember and the five settings resources
 * (teamMemberSettings, teamGuestSettings, teamFunSettings, teamMessagingSettings,
 * teamDiscoverySettings).
 */
final class TeamSchema {

    /** What a property's value must be. {@link #READ_ONLY} properties exist but cannot be sent. */
    enum Kind {
        STRING("a string"), BOOLEAN("a boolean"), OBJECT("an object"), ARRAY_OF_OBJECTS("an array of objects"),
        ARRAY_OF_STRINGS("an array of strings"), READ_ONLY("no value");

        private final String expected;

        Kind(String expected) {
            this.expected = expected;
        }
    }

    /** @param type the type of the object(s) for {@link Kind#OBJECT} and {@link Kind#ARRAY_OF_OBJECTS} */
    record Property(Kind kind, Type type) {
    }

    /** An OData type: its name and properties. Every type also accepts an {@code @odata.type} annotation. */
    record Type(String name, Map<String, Property> properties) {

        Type {
            properties = Map.copyOf(properties);
        }
    }

    static final Type TAB_CONFIGURATION = type("teamsTabConfiguration",
            strings("entityId", "contentUrl", "removeUrl", "websiteUrl"));

    static final Type TAB = type("teamsTab", Map.of(
            "teamsApp@odata.bind", string(),
            "displayName", string(),
            "configuration", new Property(Kind.OBJECT, TAB_CONFIGURATION)));

    static final Type CHANNEL = type("channel", Map.of(
            "displayName", string(),
            "description", string(),
            "isFavoriteByDefault", bool(),
            "membershipType", string(),
            "tabs", new Property(Kind.ARRAY_OF_OBJECTS, TAB)));

    static final Type APP_INSTALLATION = type("teamsAppInstallation", Map.of("teamsApp@odata.bind", string()));

    static final Type MEMBER = type("aadUserConversationMember", Map.of(
            "roles", new Property(Kind.ARRAY_OF_STRINGS, null),
            "user@odata.bind", string()));

    static final Type MEMBER_SETTINGS = type("teamMemberSettings", booleans("allowCreateUpdateChannels",
            "allowCreatePrivateChannels", "allowDeleteChannels", "allowAddRemoveApps", "allowCreateUpdateRemoveTabs",
            "allowCreateUpdateRemoveConnectors"));

    static final Type GUEST_SETTINGS = type("teamGuestSettings",
            booleans("allowCreateUpdateChannels", "allowDeleteChannels"));

    static final Type FUN_SETTINGS = type("teamFunSettings", with(
            booleans("allowGiphy", "allowStickersAndMemes", "allowCustomMemes"), "giphyContentRating", string()));

    static final Type MESSAGING_SETTINGS = type("teamMessagingSettings", booleans("allowUserEditMessages",
            "allowUserDeleteMessages", "allowOwnerDeleteMessages", "allowTeamMentions", "allowChannelMentions"));

    static final Type DISCOVERY_SETTINGS = type("teamDiscoverySettings", booleans("showInTeamsSearchAndSuggestions"));

    /** The settings properties of a team, in the order the sandbox reports them. */
    static final Map<String, Type> SETTINGS = settings();

    static final Type TEAM = type("team", team());

    private TeamSchema() {
    }

    /** @throws GraphException 400 for the first unknown property or wrongly typed value, in document order */
    static void check(JsonNode body) {
        check(body, TEAM, "");
    }

    private static void check(JsonNode object, Type type, String path) {
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            String name = entry.getKey();
            JsonNode value = entry.getValue();
            String where = path.isEmpty() ? name : path + "." + name;
            if (value.isNull()) {
                continue; // An explicit null is an omitted property, as before.
            }
            if ("@odata.type".equals(name)) {
                checkKind(value, Kind.STRING, where);
                continue; // The member rules judge a member's type; other objects' types are not checked.
            }
            if (name.startsWith("@") && !type.properties().containsKey(name)) {
                continue; // OData readers skip instance annotations they do not know, e.g. "@odata.context".
            }
            Property property = type.properties().get(name);
            if (property == null) {
                throw GraphException.badRequest("The property '" + name + "' does not exist on type 'microsoft.graph."
                        + type.name() + "' (at " + where + "). Make sure to only use property names that are defined"
                        + " by the type or mark the type as open type.");
            }
            if (property.kind() == Kind.READ_ONLY) {
                throw GraphException.badRequest("The property '" + where + "' is read-only: Graph sets it, a"
                        + " request to create a team cannot.");
            }
            checkKind(value, property.kind(), where);
            if (property.kind() == Kind.OBJECT) {
                check(value, property.type(), where);
            }
            else if (property.kind() == Kind.ARRAY_OF_OBJECTS) {
                int index = 0;
                for (JsonNode element : value.values()) {
                    check(element, property.type(), where + "[" + index++ + "]");
                }
            }
        }
    }

    private static void checkKind(JsonNode value, Kind kind, String where) {
        boolean ok = switch (kind) {
            case STRING -> value.isString();
            case BOOLEAN -> value.isBoolean();
            case OBJECT -> value.isObject();
            case ARRAY_OF_OBJECTS -> value.isArray() && value.values().stream().allMatch(JsonNode::isObject);
            case ARRAY_OF_STRINGS -> value.isArray() && value.values().stream().allMatch(JsonNode::isString);
            case READ_ONLY -> value.isNull();
        };
        if (!ok) {
            throw GraphException.badRequest("Invalid value for the property '" + where + "': expected " + kind.expected
                    + ".");
        }
    }

    /**
     * The writable team properties (team resource, v1.0 and beta) plus the create-only ones:
     * the template binds, {@code group@odata.bind}, {@code firstChannelName},
     * {@code createdDateTime} (migration only) and {@code @microsoft.graph.teamCreationMode}.
     */
    private static Map<String, Property> team() {
        Map<String, Property> team = new LinkedHashMap<>(strings("template@odata.bind", "templateDefinition@odata.bind",
                "group@odata.bind", "displayName", "description", "visibility", "classification", "specialization",
                "firstChannelName", "createdDateTime", "@microsoft.graph.teamCreationMode"));
        team.put("isMembershipLimitedToOwners", bool());
        team.put("members", new Property(Kind.ARRAY_OF_OBJECTS, MEMBER));
        team.put("channels", new Property(Kind.ARRAY_OF_OBJECTS, CHANNEL));
        team.put("installedApps", new Property(Kind.ARRAY_OF_OBJECTS, APP_INSTALLATION));
        SETTINGS.forEach((name, type) -> team.put(name, new Property(Kind.OBJECT, type)));
        for (String readOnly : new String[] {"id", "internalId", "webUrl", "isArchived", "tenantId"}) {
            team.put(readOnly, new Property(Kind.READ_ONLY, null));
        }
        return team;
    }

    private static Type type(String name, Map<String, Property> properties) {
        return new Type(name, properties);
    }

    private static Property string() {
        return new Property(Kind.STRING, null);
    }

    private static Property bool() {
        return new Property(Kind.BOOLEAN, null);
    }

    private static Map<String, Property> strings(String... names) {
        Map<String, Property> properties = new LinkedHashMap<>();
        for (String name : names) {
            properties.put(name, string());
        }
        return properties;
    }

    private static Map<String, Property> booleans(String... names) {
        Map<String, Property> properties = new LinkedHashMap<>();
        for (String name : names) {
            properties.put(name, bool());
        }
        return properties;
    }

    private static Map<String, Property> with(Map<String, Property> properties, String name, Property property) {
        Map<String, Property> copy = new LinkedHashMap<>(properties);
        copy.put(name, property);
        return copy;
    }

    private static Map<String, Type> settings() {
        Map<String, Type> settings = new LinkedHashMap<>();
        settings.put("memberSettings", MEMBER_SETTINGS);
        settings.put("guestSettings", GUEST_SETTINGS);
        settings.put("funSettings", FUN_SETTINGS);
        settings.put("messagingSettings", MESSAGING_SETTINGS);
        settings.put("discoverySettings", DISCOVERY_SETTINGS);
        return Collections.unmodifiableMap(settings);
    }
}
