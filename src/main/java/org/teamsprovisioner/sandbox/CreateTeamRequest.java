package org.teamsprovisioner.sandbox;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * The parts of a Create team body the sandbox looks at, read from the raw JSON tree so that a
 * wrongly typed property is a Graph-style 400 rather than a deserialization failure. Absent
 * properties are {@code null}; validation of values is {@link CreateTeamRules}' job.
 */
record CreateTeamRequest(
        String templateBind,
        String templateDefinitionBind,
        String groupBind,
        String displayName,
        String description,
        String visibility,
        List<Member> members,
        List<Channel> channels) {

    /**
     * One entry of {@code members}.
     *
     * @param odataType e.g. {@code #microsoft.graph.aadUserConversationMember}
     * @param roles e.g. {@code ["owner"]}; empty for a plain member
     * @param userBind e.g. {@code https://graph.microsoft.com/v1.0/users('id-or-upn')}
     */
    record Member(String odataType, List<String> roles, String userBind) {
    }

    /** One entry of {@code channels}; tabs and the rest are ignored by the sandbox for now. */
    record Channel(String displayName, String description, Boolean isFavoriteByDefault) {
    }

    static CreateTeamRequest from(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw GraphException.badRequest("The request body must be a JSON object representing a team.");
        }
        return new CreateTeamRequest(
                string(body, "template@odata.bind"),
                string(body, "templateDefinition@odata.bind"),
                string(body, "group@odata.bind"),
                string(body, "displayName"),
                string(body, "description"),
                string(body, "visibility"),
                members(body),
                channels(body));
    }

    private static List<Member> members(JsonNode body) {
        List<Member> members = new ArrayList<>();
        for (JsonNode member : array(body, "members")) {
            requireObject(member, "members");
            members.add(new Member(string(member, "@odata.type"), strings(member, "roles"),
                    string(member, "user@odata.bind")));
        }
        return List.copyOf(members);
    }

    private static List<Channel> channels(JsonNode body) {
        List<Channel> channels = new ArrayList<>();
        for (JsonNode channel : array(body, "channels")) {
            requireObject(channel, "channels");
            channels.add(new Channel(string(channel, "displayName"), string(channel, "description"),
                    bool(channel, "isFavoriteByDefault")));
        }
        return List.copyOf(channels);
    }

    private static String string(JsonNode node, String property) {
        JsonNode value = node.get(property);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw invalidValue(property, "a string");
        }
        return value.stringValue();
    }

    private static Boolean bool(JsonNode node, String property) {
        JsonNode value = node.get(property);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw invalidValue(property, "a boolean");
        }
        return value.booleanValue();
    }

    private static List<String> strings(JsonNode node, String property) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : array(node, property)) {
            if (!value.isString()) {
                throw invalidValue(property, "an array of strings");
            }
            values.add(value.stringValue());
        }
        return List.copyOf(values);
    }

    private static List<JsonNode> array(JsonNode node, String property) {
        JsonNode value = node.get(property);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw invalidValue(property, "an array");
        }
        return List.copyOf(value.values());
    }

    private static void requireObject(JsonNode node, String property) {
        if (!node.isObject()) {
            throw invalidValue(property, "an array of objects");
        }
    }

    private static GraphException invalidValue(String property, String expected) {
        return GraphException.badRequest("Invalid value for the property '" + property + "': expected " + expected + ".");
    }
}
