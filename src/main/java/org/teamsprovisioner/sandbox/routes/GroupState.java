package org.teamsprovisioner.sandbox.routes;

import java.time.Instant;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.teamsprovisioner.sandbox.tenant.OperationStatus;
import org.teamsprovisioner.sandbox.tenant.SandboxGroup;
import org.teamsprovisioner.sandbox.tenant.SandboxGroups;
import org.teamsprovisioner.sandbox.tenant.SandboxTeam;
import org.teamsprovisioner.sandbox.tenant.SandboxTenant;

/** The groups and team memberships that {@code GET /sandbox/graph/_state} shows. */
final class GroupState {

    private GroupState() {
    }

    /**
     * Every group, oldest first. {@code hasTeam} is true while a team exists for the group and
     * its createTeam operation has not failed; {@code replicatedDateTime} is when POST /teams
     * with group@odata.bind stops answering 404.
     */
    static void groups(ArrayNode array, SandboxGroups groups, SandboxTenant tenant, Instant now) {
        for (SandboxGroup group : groups.groups()) {
            ObjectNode entry = array.addObject()
                    .put("id", group.id())
                    .put("displayName", group.displayName())
                    .put("mailNickname", group.mailNickname())
                    .put("mail", group.mail())
                    .put("visibility", group.visibility());
            group.groupTypes().forEach(entry.putArray("groupTypes")::add);
            group.owners().forEach(entry.putArray("owners")::add);
            group.members().forEach(entry.putArray("members")::add);
            entry.put("createdDateTime", group.createdAt().toString())
                    .put("replicatedDateTime", group.replicatedAt().toString())
                    .put("hasTeam", tenant.team(group.id())
                            .filter(team -> tenant.operationAt(team, now).status() != OperationStatus.FAILED)
                            .isPresent());
        }
    }

    /**
     * A team's members with their roles, owners first: the membership of the team's group, which
     * members/add changes. {@code group} is null only for a team whose group was deleted under it.
     */
    static void teamMembers(ArrayNode array, SandboxGroup group, SandboxTeam team) {
        if (group == null) {
            team.owners().forEach(owner -> member(array, owner, true));
            return;
        }
        group.owners().forEach(owner -> member(array, owner, true));
        group.members().stream().filter(member -> !group.isOwner(member)).forEach(member -> member(array, member, false));
    }

    private static void member(ArrayNode array, String userId, boolean owner) {
        ObjectNode member = array.addObject().put("id", userId);
        ArrayNode roles = member.putArray("roles");
        if (owner) {
            roles.add("owner");
        }
    }
}
