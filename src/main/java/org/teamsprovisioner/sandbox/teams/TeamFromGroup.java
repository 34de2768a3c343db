package org.teamsprovisioner.sandbox.teams;

import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.teamsprovisioner.sandbox.createteam.CreateTeamRules;
import org.teamsprovisioner.sandbox.http.DirectoryErrors;
import org.teamsprovisioner.sandbox.http.GraphException;
import org.teamsprovisioner.sandbox.http.ODataPath;
import org.teamsprovisioner.sandbox.tenant.SandboxGroup;
import org.teamsprovisioner.sandbox.tenant.SandboxTeam;

/**
 * Create team from an existing group ({@code group@odata.bind}, the Create team doc's examples 4
 * and 5), whose notes are the rules here:
 * <ul>
 * <li>"the group you're creating it from must have a least one owner";</li>
 * <li>"The team that's created will always inherit from the group's display name, visibility,
 * specialization, and members. Therefore, when making this call with the group@odata.bind
 * property, the inclusion of team displayName, visibility, specialization, or
 * members@odata.bind properties return an error";</li>
 * <li>"If the group was created less than 15 minutes ago, it's possible for the Create team call
 * to fail with a 404 error code due to replication delays."</li>
 * </ul>
 * The team takes the group's id (example 4's {@code Location} shows the group id). Once the group
 * is checked, the request is turned into the equivalent plain Create team body (name, visibility
 * and members from the group) so that every other Create team rule applies to it unchanged.
 */
final class TeamFromGroup {

    static final String GROUP_BIND = "group@odata.bind";

    /** What the team inherits from the group and the request may therefore not set. */
    static final List<String> INHERITED = List.of("displayName", "visibility", "specialization", "members",
            "members@odata.bind");

    private TeamFromGroup() {
    }

    /** The group@odata.bind URL when the body has one. */
    static Optional<String> groupBind(JsonNode body) {
        if (body == null || !body.isObject() || !body.has(GROUP_BIND) || body.get(GROUP_BIND).isNull()) {
            return Optional.empty();
        }
        JsonNode bind = body.get(GROUP_BIND);
        if (!bind.isString()) {
            throw GraphException.badRequest("Invalid value for the property '" + GROUP_BIND + "': expected a string.");
        }
        return Optional.of(bind.stringValue());
    }

    /**
     * The payload checks, before the group is looked up.
     *
     * @return the group id the bind URL names
     */
    static String validate(JsonNode body, String bind) {
        for (String property : INHERITED) {
            if (body.has(property)) {
                throw GraphException.badRequest("The property '" + property + "' can't be set when a team is created"
                        + " from a group with '" + GROUP_BIND + "': the team inherits the group's displayName,"
                        + " visibility, specialization and members. Remove '" + property + "'.");
            }
        }
        return ODataPath.bindKey(bind, "groups").orElseThrow(() -> GraphException.badRequest("Invalid value for the"
                + " property '" + GROUP_BIND + "': '" + bind + "' does not address a group; use"
                + " https://graph.microsoft.com/v1.0/groups('{group-id}')."));
    }

    /**
     * Graph's 404 for a group the Teams backend does not know, either because it does not exist
     * or because it has not replicated yet; the two are indistinguishable to a client, as in Graph.
     */
    static GraphException notFound(String groupId) {
        return GraphException.notFound("Failed to execute Templates backend request"
                + " CreateTeamFromGroupWithTemplateRequest. Request Url: https://teams.microsoft.com/fabric/templates/api"
                + "/groups/" + groupId + "/team, Request Method: PUT, Response Status Code: NotFound, ErrorMessage: Group '"
                + groupId + "' was not found. A group created less than 15 minutes ago may not have replicated to Teams"
                + " yet; retry (Microsoft recommends three retries, 10 seconds apart).");
    }

    /** The checks against the group itself, once the Teams backend can see it. */
    static void checkGroup(SandboxGroup group, Optional<SandboxTeam> existingTeam) {
        if (!group.unified()) {
            throw GraphException.badRequest("The group '" + group.id() + "' is a security group; a team can only be"
                    + " created from a Microsoft 365 group (groupTypes [\"Unified\"]).");
        }
        if (existingTeam.isPresent()) {
            throw DirectoryErrors.conflict("The group '" + group.id() + "' already has a team (its createTeam operation is "
                    + existingTeam.get().operationId() + ").");
        }
        if (group.owners().isEmpty()) {
            throw GraphException.badRequest("The group '" + group.id() + "' has no owner. In order to create a team, the"
                    + " group you're creating it from must have at least one owner.");
        }
    }

    /** The plain Create team body equivalent to teamifying {@code group} with {@code body}. */
    static ObjectNode teamBody(JsonNode body, SandboxGroup group) {
        ObjectNode team = (ObjectNode) body.deepCopy();
        team.remove(GROUP_BIND);
        team.put("displayName", group.displayName());
        if (!team.has("description") && group.description() != null) {
            team.put("description", group.description());
        }
        team.put("visibility", group.visibility());
        ArrayNode members = team.putArray("members");
        group.owners().forEach(owner -> member(members, owner, true));
        group.members().stream().filter(member -> !group.isOwner(member)).forEach(member -> member(members, member, false));
        return team;
    }

    private static void member(ArrayNode members, String userId, boolean owner) {
        ObjectNode member = members.addObject();
        member.put("@odata.type", CreateTeamRules.AAD_USER_MEMBER);
        ArrayNode roles = member.putArray("roles");
        if (owner) {
            roles.add("owner");
        }
        member.put(TeamMembers.USER_BIND, "https://graph.microsoft.com/v1.0/users('" + userId + "')");
    }
}
