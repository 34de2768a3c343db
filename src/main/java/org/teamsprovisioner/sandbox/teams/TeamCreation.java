package org.teamsprovisioner.sandbox.teams;

import java.time.Instant;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.teamsprovisioner.sandbox.createteam.CreateTeamRequest;
import org.teamsprovisioner.sandbox.createteam.CreateTeamRules;
import org.teamsprovisioner.sandbox.http.GraphCaller;
import org.teamsprovisioner.sandbox.http.GraphException;
import org.teamsprovisioner.sandbox.tenant.OperationStatus;
import org.teamsprovisioner.sandbox.tenant.SandboxDirectory;
import org.teamsprovisioner.sandbox.tenant.SandboxGroup;
import org.teamsprovisioner.sandbox.tenant.SandboxGroups;
import org.teamsprovisioner.sandbox.tenant.SandboxTeam;
import org.teamsprovisioner.sandbox.tenant.SandboxTenant;

/**
 * POST /teams from a parsed body to a stored team, in Graph's order: the request's own rules
 * ({@link CreateTeamRules}), then the directory (every member must exist), then the tenant's state.
 * A team made from scratch gets the Microsoft 365 group Graph creates behind every team; a team
 * made from a group ({@link TeamFromGroup}) takes that group's id, name and members instead.
 */
final class TeamCreation {

    private final SandboxTenant tenant;
    private final SandboxDirectory directory;
    private final SandboxGroups groups;

    TeamCreation(SandboxTenant tenant, SandboxDirectory directory, SandboxGroups groups) {
        this.tenant = tenant;
        this.directory = directory;
        this.groups = groups;
    }

    /** @throws GraphException 400, 404 or 409 as Graph would answer the request */
    SandboxTeam create(JsonNode body, GraphCaller caller, Instant now) {
        Optional<String> groupBind = TeamFromGroup.groupBind(body);
        if (groupBind.isPresent()) {
            return createFromGroup(body, groupBind.get(), caller, now);
        }
        TeamMembers members = validate(body, caller, now);
        SandboxTeam team = tenant.createTeam(CreateTeamRequest.from(members.body()), now);
        groups.createForTeam(team, members.owners(), members.members());
        tenant.recordRequest(team, body);
        return team;
    }

    /** Serialized so that two concurrent requests cannot both turn one group into a team. */
    private synchronized SandboxTeam createFromGroup(JsonNode body, String bind, GraphCaller caller, Instant now) {
        String groupId = TeamFromGroup.validate(body, bind);
        SandboxGroup group = groups.group(groupId)
                .filter(candidate -> groups.replicatedToTeams(candidate, now))
                .orElseThrow(() -> TeamFromGroup.notFound(groupId));
        // A failed earlier attempt leaves no team behind, so the group may be retried.
        TeamFromGroup.checkGroup(group, tenant.team(group.id())
                .filter(team -> tenant.operationAt(team, now).status() != OperationStatus.FAILED));
        ObjectNode teamBody = TeamFromGroup.teamBody(body, group);
        TeamMembers members = validate(teamBody, caller, now);
        SandboxTeam team = tenant.createTeam(group.id(), CreateTeamRequest.from(members.body()), now);
        tenant.recordRequest(team, body);
        return team;
    }

    private TeamMembers validate(JsonNode body, GraphCaller caller, Instant now) {
        CreateTeamRules.validate(CreateTeamRequest.from(body), caller, now);
        return TeamMembers.resolve(body, directory);
    }
}
