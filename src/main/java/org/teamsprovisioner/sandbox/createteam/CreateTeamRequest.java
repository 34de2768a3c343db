package org.teamsprovisioner.sandbox.createteam;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.teamsprovisioner.sandbox.http.GraphException;

/**
 * The parts of a Create team body the sandbox looks at, read from the raw JSON tree after
 * {@link TeamSchema} has checked its property names and value kinds, so that a wrongly typed or
 * unknown property is a Graph-style 400 rather than a deserialization failure. Absent properties
 * are {@code null} (lists empty); validation of values is {@link CreateTeamRules}' job.
 *
 * @param classification free text; Graph checks it against the tenant's configured labels, which
 *        the sandbox does not have
 * @param specialization a teamSpecialization value as sent
 * @param firstChannelName the display name of the General channel instead of "General"
 * @param creationMode the {@code @microsoft.graph.teamCreationMode} instance attribute as sent
 * @param createdDateTime as sent (only valid in migration mode)
 * @param installedApps the {@code teamsApp@odata.bind} of each {@code installedApps} entry,
 *        {@code null} where an entry has none
 * @param settings the settings objects sent (memberSettings, ...), each property's value as a
 *        JSON boolean or string, in request order
 */
public record CreateTeamRequest(
        String templateBind,
        String templateDefinitionBind,
        String groupBind,
        String displayName,
        String description,
        String visibility,
        List<Member> members,
        List<Channel> channels,
        String classification,
        String specialization,
        String firstChannelName,
        String creationMode,
        String createdDateTime,
        List<String> installedApps,
        Map<String, Map<String, JsonNode>> settings) {

    public CreateTeamRequest {
        members = List.copyOf(members);
        channels = List.copyOf(channels);
        installedApps = Collections.unmodifiableList(new ArrayList<>(installedApps)); // May hold null: a missing bind.
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /**
     * One entry of {@code members}.
     *
     * @param odataType e.g. {@code #microsoft.graph.aadUserConversationMember}
     * @param roles e.g. {@code ["owner"]}; empty for a plain member
     * @param userBind e.g. {@code https://graph.microsoft.com/v1.0/users('id-or-upn')}
     */
    record Member(String odataType, List<String> roles, String userBind) {
    }

    /**
     * One entry of {@code channels}.
     *
     * @param membershipType as sent, {@code null} when omitted (standard)
     * @param tabs the tabs to pin in the channel
     */
    public record Channel(String displayName, String description, Boolean isFavoriteByDefault, String membershipType,
            List<Tab> tabs) {

        public Channel {
            tabs = List.copyOf(tabs);
        }
    }

    /**
     * One pinned tab of a channel.
     *
     * @param teamsAppBind e.g. {@code https://graph.microsoft.com/v1.0/appCatalogs/teamsApps('com.microsoft.teamspace.tab.web')}
     * @param configuration the teamsTabConfiguration properties sent (entityId, contentUrl, removeUrl, websiteUrl)
     */
    public record Tab(String teamsAppBind, String displayName, Map<String, String> configuration) {

        public Tab {
            configuration = Collections.unmodifiableMap(new LinkedHashMap<>(configuration));
        }
    }

    public static CreateTeamRequest from(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw GraphException.badRequest("The request body must be a JSON object representing a team.");
        }
        TeamSchema.check(body);
        return new CreateTeamRequest(
                string(body, "template@odata.bind"),
                string(body, "templateDefinition@odata.bind"),
                string(body, "group@odata.bind"),
                string(body, "displayName"),
                string(body, "description"),
                string(body, "visibility"),
                members(body),
                channels(body),
                string(body, "classification"),
                string(body, "specialization"),
                string(body, "firstChannelName"),
                string(body, "@microsoft.graph.teamCreationMode"),
                string(body, "createdDateTime"),
                installedApps(body),
                settings(body));
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
                    bool(channel, "isFavoriteByDefault"), string(channel, "membershipType"), tabs(channel)));
        }
        return List.copyOf(channels);
    }

    private static List<Tab> tabs(JsonNode channel) {
        List<Tab> tabs = new ArrayList<>();
        for (JsonNode tab : array(channel, "tabs")) {
            Map<String, String> configuration = new LinkedHashMap<>();
            JsonNode given = tab.get("configuration");
            if (given != null && given.isObject()) {
                given.properties().stream()
                        .filter(entry -> entry.getValue().isString())
                        .forEach(entry -> configuration.put(entry.getKey(), entry.getValue().stringValue()));
            }
            tabs.add(new Tab(string(tab, "teamsApp@odata.bind"), string(tab, "displayName"), configuration));
        }
        return tabs;
    }

    private static List<String> installedApps(JsonNode body) {
        List<String> apps = new ArrayList<>();
        for (JsonNode app : array(body, "installedApps")) {
            apps.add(string(app, "teamsApp@odata.bind"));
        }
        return apps;
    }

    /** Only the settings properties with a value; {@code @odata.type} annotations are dropped. */
    private static Map<String, Map<String, JsonNode>> settings(JsonNode body) {
        Map<String, Map<String, JsonNode>> settings = new LinkedHashMap<>();
        for (String name : TeamSchema.SETTINGS.keySet()) {
            JsonNode given = body.get(name);
            if (given == null || !given.isObject()) {
                continue;
            }
            Map<String, JsonNode> values = new LinkedHashMap<>();
            given.properties().stream()
                    .filter(entry -> !entry.getKey().startsWith("@") && !entry.getValue().isNull())
                    .forEach(entry -> values.put(entry.getKey(), entry.getValue()));
            settings.put(name, Collections.unmodifiableMap(values));
        }
        return settings;
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
