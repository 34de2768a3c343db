package org.teamsprovisioner.sandbox.teams;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.teamsprovisioner.sandbox.settings.SandboxProperties.User;
import org.teamsprovisioner.sandbox.createteam.CreateTeamRules;
import org.teamsprovisioner.sandbox.http.GraphException;
import org.teamsprovisioner.sandbox.http.ODataPath;
import org.teamsprovisioner.sandbox.tenant.SandboxDirectory;

/**
 * The {@code members} of a Create team body resolved against the directory: Graph looks every
 * {@code user@odata.bind} up (by object id or userPrincipalName) and refuses the team when one
 * names nobody. The body is rewritten to bind each user by object id, so that what the tenant
 * stores (e.g. the team's owners) is ids, as in Graph, whichever form the caller used.
 *
 * @param body the Create team body with every member bound by object id
 * @param owners object ids of the members with the owner role, in request order
 * @param members object ids of every member, owners included, in request order
 */
record TeamMembers(ObjectNode body, List<String> owners, List<String> members) {

    static final String USER_BIND = "user@odata.bind";

    TeamMembers {
        owners = List.copyOf(owners);
        members = List.copyOf(members);
    }

    /**
     * Call after {@link CreateTeamRules} accepted the body, so that {@code members} is an array
     * of objects that bind users.
     *
     * @throws GraphException 400 for a user the directory does not have, or a guest as owner
     */
    static TeamMembers resolve(JsonNode body, SandboxDirectory directory) {
        ObjectNode resolved = (ObjectNode) body.deepCopy();
        Set<String> owners = new LinkedHashSet<>();
        Set<String> members = new LinkedHashSet<>();
        JsonNode array = resolved.get("members");
        List<JsonNode> entries = array == null || !array.isArray() ? List.of() : new ArrayList<>(array.values());
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i) instanceof ObjectNode member) || !member.path(USER_BIND).isString()) {
                continue; // CreateTeamRules has rejected these already.
            }
            String bind = member.get(USER_BIND).stringValue();
            String key = ODataPath.bindKey(bind, "users").orElse(bind);
            User user = directory.user(key).orElseThrow(() -> unknownUser(key, bind));
            boolean owner = hasRole(member, "owner");
            if (owner && user.guest()) {
                // Teams: a guest can be a member of a team, never an owner.
                throw GraphException.badRequest("The user '" + user.userPrincipalName() + "' (" + user.id() + ") is a"
                        + " guest; guests can't be team owners. Add them without the owner role.");
            }
            member.put(USER_BIND, "https://graph.microsoft.com/v1.0/users('" + user.id() + "')");
            members.add(user.id());
            if (owner) {
                owners.add(user.id());
            }
        }
        return new TeamMembers(resolved, new ArrayList<>(owners), new ArrayList<>(members));
    }

    static boolean hasRole(JsonNode member, String role) {
        JsonNode roles = member.get("roles");
        return roles != null && roles.isArray()
                && roles.values().stream().anyMatch(value -> value.isString() && role.equalsIgnoreCase(value.stringValue()));
    }

    private static GraphException unknownUser(String key, String bind) {
        return GraphException.badRequest("Invalid user '" + key + "' in members (" + USER_BIND + " " + bind + "): no user"
                + " with this object id or userPrincipalName exists in the tenant.");
    }
}
