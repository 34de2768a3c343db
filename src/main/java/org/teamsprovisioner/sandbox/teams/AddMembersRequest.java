package org.teamsprovisioner.sandbox.teams;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import org.teamsprovisioner.sandbox.createteam.CreateTeamRules;
import org.teamsprovisioner.sandbox.http.GraphException;
import org.teamsprovisioner.sandbox.http.ODataPath;

/**
 * A validated {@code POST /teams/{id}/members/add} body: {@code {"values": [conversationMember...]}}.
 * A malformed body fails the whole call (400); a member who cannot be added does not, it gets an
 * error entry in the answer. "A maximum of 200 conversationMember derivatives can be added in one
 * single request" (conversationMember: add doc).
 *
 * @param members the entries, in request order
 */
record AddMembersRequest(List<Entry> members) {

    static final int MAX_MEMBERS = 200;

    /** The doc's own examples write the type without the leading '#'; Graph accepts both. */
    private static final List<String> TYPES = List.of(CreateTeamRules.AAD_USER_MEMBER,
            CreateTeamRules.AAD_USER_MEMBER.substring(1));

    /**
     * One member to add.
     *
     * @param key the object id or userPrincipalName the bind names
     * @param owner whether the roles include {@code owner}
     */
    record Entry(String key, boolean owner) {
    }

    AddMembersRequest {
        members = List.copyOf(members);
    }

    static AddMembersRequest from(JsonNode body) {
        JsonNode values = body == null || !body.isObject() ? null : body.get("values");
        if (values == null || !values.isArray() || values.isEmpty()) {
            throw GraphException.badRequest("The request body must be {\"values\": [...]} with at least one"
                    + " conversationMember.");
        }
        if (values.size() > MAX_MEMBERS) {
            throw GraphException.badRequest("A maximum of " + MAX_MEMBERS + " conversationMember derivatives can be"
                    + " added in one single request; the request has " + values.size() + ".");
        }
        List<Entry> entries = new ArrayList<>();
        int index = 0;
        for (JsonNode value : values.values()) {
            entries.add(entry(value, index++));
        }
        return new AddMembersRequest(entries);
    }

    private static Entry entry(JsonNode value, int index) {
        if (!value.isObject() || !value.path("@odata.type").isString()
                || !TYPES.contains(value.get("@odata.type").stringValue())) {
            throw GraphException.badRequest("values[" + index + "] must be an object with \"@odata.type\": \""
                    + CreateTeamRules.AAD_USER_MEMBER + "\".");
        }
        JsonNode roles = value.get("roles");
        if (roles != null && !roles.isNull()
                && (!roles.isArray() || roles.values().stream().anyMatch(role -> !role.isString()))) {
            throw GraphException.badRequest("values[" + index + "].roles must be an array of strings, e.g. [] or"
                    + " [\"owner\"].");
        }
        JsonNode bind = value.get(TeamMembers.USER_BIND);
        String key = bind == null || !bind.isString() ? null : ODataPath.bindKey(bind.stringValue(), "users").orElse(null);
        if (key == null) {
            throw GraphException.badRequest("values[" + index + "] must have a '" + TeamMembers.USER_BIND + "' like"
                    + " https://graph.microsoft.com/v1.0/users('{id | userPrincipalName}').");
        }
        return new Entry(key, TeamMembers.hasRole(value, "owner"));
    }
}
