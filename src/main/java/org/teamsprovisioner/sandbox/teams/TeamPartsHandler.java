package org.teamsprovisioner.sandbox.teams;

import java.time.Instant;
import java.util.Optional;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import org.teamsprovisioner.sandbox.settings.SandboxProperties.User;
import org.teamsprovisioner.sandbox.http.GraphCaller;
import org.teamsprovisioner.sandbox.http.GraphException;
import org.teamsprovisioner.sandbox.http.GraphExchange;
import org.teamsprovisioner.sandbox.http.GraphPermissions;
import org.teamsprovisioner.sandbox.http.GraphRequest;
import org.teamsprovisioner.sandbox.http.GraphResource;
import org.teamsprovisioner.sandbox.http.GraphResponse;
import org.teamsprovisioner.sandbox.http.SandboxJson;
import org.teamsprovisioner.sandbox.tenant.ChannelFolders;
import org.teamsprovisioner.sandbox.tenant.SandboxDirectory;
import org.teamsprovisioner.sandbox.tenant.SandboxGroup;
import org.teamsprovisioner.sandbox.tenant.SandboxGroups;
import org.teamsprovisioner.sandbox.tenant.SandboxTeam;
import org.teamsprovisioner.sandbox.tenant.SandboxTenant;

/**
 * What lives under an existing team: {@code GET /teams/{id}/channels}, one channel, a channel's
 * {@code filesFolder}, and {@code POST /teams/{id}/members/add}. Like GET /teams/{id}, they only
 * see a team whose createTeam operation has succeeded; before that Graph answers 404.
 */
public final class TeamPartsHandler {

    private final SandboxTenant tenant;
    private final SandboxDirectory directory;
    private final SandboxGroups groups;
    private final ChannelFolders folders;

    public TeamPartsHandler(SandboxTenant tenant, SandboxDirectory directory, SandboxGroups groups, ChannelFolders folders) {
        this.tenant = tenant;
        this.directory = directory;
        this.groups = groups;
        this.folders = folders;
    }

    public Mono<GraphResponse> handle(GraphRequest request, GraphExchange exchange, GraphResource.TeamResource resource,
            GraphCaller caller) {
        HttpMethod method = request.method();
        if (resource instanceof GraphResource.TeamChannels && method == HttpMethod.GET) {
            GraphPermissions.require(caller, GraphPermissions.READ_CHANNELS);
            SandboxTeam team = team(resource.teamId(), exchange.now());
            return exchange.ok(ChannelRepresentations.channels(team, SandboxChannel.of(team), tenant.tenantId(),
                    exchange.version()));
        }
        if (resource instanceof GraphResource.TeamChannel channel && method == HttpMethod.GET) {
            GraphPermissions.require(caller, GraphPermissions.READ_CHANNELS);
            SandboxTeam team = team(resource.teamId(), exchange.now());
            return exchange.ok(ChannelRepresentations.channelEntity(team, channel(team, channel.channelId()),
                    tenant.tenantId(), exchange.version()));
        }
        if (resource instanceof GraphResource.ChannelFilesFolder folder && method == HttpMethod.GET) {
            GraphPermissions.require(caller, GraphPermissions.READ_FILES_FOLDER);
            return filesFolder(exchange, folder);
        }
        if (resource instanceof GraphResource.TeamMembersAdd && method == HttpMethod.POST) {
            GraphPermissions.require(caller, GraphPermissions.ADD_TEAM_MEMBERS);
            request.requireJson();
            SandboxTeam team = team(resource.teamId(), exchange.now());
            return request.body()
                    .defaultIfEmpty("")
                    .map(body -> AddMembersRequest.from(GraphRequest.readJson(body)))
                    .flatMap(add -> addMembers(exchange, team, add, caller.hasAnyRole(GraphPermissions.ADD_TEAM_OWNERS)));
        }
        throw GraphException.methodNotAllowed(
                "The sandbox does not simulate " + method.name() + " " + resource.template() + ".");
    }

    /** Calling Get filesFolder is what provisions the folder (see {@link ChannelFolders}). */
    private Mono<GraphResponse> filesFolder(GraphExchange exchange, GraphResource.ChannelFilesFolder folder) {
        SandboxTeam team = team(folder.teamId(), exchange.now());
        SandboxChannel channel = channel(team, folder.channelId());
        Instant provisionedAt = folders.provision(team.id(), channel.id(), exchange.now());
        String siteName = groups.group(team.id()).map(SandboxGroup::mailNickname).orElse(team.id());
        return exchange.ok(ChannelRepresentations.filesFolder(team, channel, siteName, groups.mailDomain(), provisionedAt,
                exchange.version()));
    }

    /**
     * Each member is added on its own: one that cannot be added gets an error entry and the
     * answer becomes 207 Multi-Status, as the doc's partial-failure example shows.
     */
    private Mono<GraphResponse> addMembers(GraphExchange exchange, SandboxTeam team, AddMembersRequest add,
            boolean mayAddOwners) {
        ObjectNode json = SandboxJson.object();
        json.put("@odata.context", "https://graph.microsoft.com/" + exchange.version()
                + "/$metadata#Collection(microsoft.graph.aadUserConversationMemberResult)");
        ArrayNode values = json.putArray("value");
        boolean failures = false;
        for (AddMembersRequest.Entry entry : add.members()) {
            Optional<User> user = directory.user(entry.key());
            ObjectNode result = values.addObject()
                    .put("@odata.type", "#microsoft.graph.aadUserConversationMemberResult")
                    .put("userId", user.map(User::id).orElse(entry.key()));
            Optional<MemberError> error = error(entry, user, mayAddOwners);
            if (error.isPresent()) {
                failures = true;
                result.putObject("error").put("code", error.get().code()).put("message", error.get().message());
            }
            else {
                groups.update(team.id(), group -> group.withMember(user.get().id(), entry.owner()));
                result.putNull("error");
            }
        }
        return exchange.json(failures ? HttpStatus.MULTI_STATUS : HttpStatus.OK, json);
    }

    /** The {@code error} of an actionResultPart. */
    private record MemberError(String code, String message) {
    }

    /** Why the entry cannot be added, if it cannot. */
    private static Optional<MemberError> error(AddMembersRequest.Entry entry, Optional<User> user, boolean mayAddOwners) {
        if (user.isEmpty()) {
            return Optional.of(new MemberError("NotFound", "No user with the object id or userPrincipalName '" + entry.key()
                    + "' exists in the tenant."));
        }
        if (entry.owner() && user.get().guest()) {
            return Optional.of(new MemberError("BadRequest", "The user '" + user.get().userPrincipalName() + "' is a guest;"
                    + " guests can't be team owners."));
        }
        if (entry.owner() && !mayAddOwners) {
            return Optional.of(new MemberError("Forbidden", "Adding an owner needs TeamMember.ReadWrite.All;"
                    + " TeamMember.ReadWriteNonOwnerRole.All adds members only."));
        }
        return Optional.empty();
    }

    private SandboxTeam team(String teamId, Instant now) {
        return tenant.team(teamId)
                .filter(team -> tenant.operationAt(team, now).succeeded())
                .orElseThrow(() -> GraphException.notFound("No team found with Group Id " + teamId));
    }

    private static SandboxChannel channel(SandboxTeam team, String channelId) {
        return SandboxChannel.find(team, channelId).orElseThrow(() -> GraphException.notFound("Channel '" + channelId
                + "' was not found in team '" + team.id() + "'."));
    }
}
