package org.teamsprovisioner.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;

import org.teamsprovisioner.sandbox.SandboxProperties.User;

/**
 * The directory part of Graph: {@code GET /users/{id | userPrincipalName}}, and
 * {@code POST/GET /groups}, {@code GET/DELETE /groups/{id}}, {@code GET /groups/{id}/owners} and
 * {@code /members}. {@link GraphHandler} has authenticated the caller; this class applies the
 * permission (403), then the request (415, 400), then the tenant's state (404).
 */
final class DirectoryHandler {

    private static final Logger log = LoggerFactory.getLogger(DirectoryHandler.class);

    private final SandboxTenant tenant;
    private final SandboxDirectory directory;
    private final SandboxGroups groups;
    private final ChannelFolders folders;

    DirectoryHandler(SandboxTenant tenant, SandboxDirectory directory, SandboxGroups groups, ChannelFolders folders) {
        this.tenant = tenant;
        this.directory = directory;
        this.groups = groups;
        this.folders = folders;
    }

    Mono<GraphResponse> handle(GraphRequest request, GraphExchange exchange, GraphResource.DirectoryResource resource,
            GraphCaller caller) {
        HttpMethod method = request.method();
        if (resource instanceof GraphResource.Users && method == HttpMethod.GET) {
            // List users, "Application" row: User.Read.All, User.ReadWrite.All, Directory.Read.All,
            // Directory.ReadWrite.All, the same roles as Get user.
            GraphPermissions.require(caller, GraphPermissions.READ_USER);
            return listUsers(request, exchange);
        }
        if (resource instanceof GraphResource.User user && method == HttpMethod.GET) {
            GraphPermissions.require(caller, GraphPermissions.READ_USER);
            return getUser(request, exchange, user.key());
        }
        if (resource instanceof GraphResource.Groups && method == HttpMethod.POST) {
            GraphPermissions.require(caller, GraphPermissions.CREATE_GROUP);
            return createGroup(request, exchange, caller);
        }
        if (resource instanceof GraphResource.Groups && method == HttpMethod.GET) {
            GraphPermissions.require(caller, GraphPermissions.READ_GROUP);
            return listGroups(request, exchange);
        }
        if (resource instanceof GraphResource.Group group && method == HttpMethod.GET) {
            GraphPermissions.require(caller, GraphPermissions.READ_GROUP);
            return exchange.ok(DirectoryRepresentations.groupEntity(group(group.groupId()),
                    hasTeam(group.groupId(), exchange.now()), exchange.version()));
        }
        if (resource instanceof GraphResource.Group group && method == HttpMethod.DELETE) {
            GraphPermissions.require(caller, GraphPermissions.DELETE_GROUP);
            return deleteGroup(exchange, group.groupId());
        }
        if (resource instanceof GraphResource.GroupOwners owners && method == HttpMethod.GET) {
            GraphPermissions.require(caller, GraphPermissions.READ_GROUP);
            return exchange.ok(directoryObjects(group(owners.groupId()).owners(), exchange.version()));
        }
        if (resource instanceof GraphResource.GroupMembers members && method == HttpMethod.GET) {
            GraphPermissions.require(caller, GraphPermissions.READ_GROUP);
            return exchange.ok(directoryObjects(group(members.groupId()).members(), exchange.version()));
        }
        throw GraphException.methodNotAllowed(
                "The sandbox does not simulate " + method.name() + " " + resource.template() + ".");
    }

    private Mono<GraphResponse> getUser(GraphRequest request, GraphExchange exchange, String key) {
        User user = directory.user(key).orElseThrow(() -> DirectoryErrors.resourceNotFound(key));
        return exchange.ok(DirectoryRepresentations.user(user, ODataSelect.selected(request), exchange.version()));
    }

    /**
     * List users, optionally filtered by {@link UserFilter}: the users that match, in directory
     * order, each with the selected (or default) properties. Unknown ids and userPrincipalNames
     * are simply absent, as in Graph; a caller that resolves many users compares what came back.
     * With ConsistencyLevel: eventual and $count=true (advanced query parameters) the answer
     * carries {@code @odata.count}. Not simulated: paging (Graph pages at 100 by default), $top,
     * $orderby, $search.
     */
    private Mono<GraphResponse> listUsers(GraphRequest request, GraphExchange exchange) {
        boolean advanced = "eventual".equalsIgnoreCase(request.headers().getFirst("ConsistencyLevel"))
                && ODataSelect.option(request, "count").filter("true"::equalsIgnoreCase).isPresent();
        Predicate<User> filter = ODataSelect.option(request, "filter")
                .map(text -> UserFilter.parse(text, advanced, request.rawUrl().length()))
                .orElse(user -> true);
        List<String> selected = ODataSelect.selected(request);
        List<ObjectNode> values = directory.users().stream()
                .filter(filter)
                .map(user -> DirectoryRepresentations.userInCollection(user, selected))
                .toList();
        ObjectNode json = SandboxJson.object();
        json.put("@odata.context", DirectoryRepresentations.usersContext(selected, exchange.version()));
        if (advanced) {
            json.put("@odata.count", values.size());
        }
        values.forEach(json.putArray("value")::add);
        return exchange.ok(json);
    }

    private Mono<GraphResponse> createGroup(GraphRequest request, GraphExchange exchange, GraphCaller caller) {
        GraphHandler.requireJson(request);
        return request.body()
                .defaultIfEmpty("")
                .map(body -> {
                    CreateGroupRequest create = CreateGroupRequest.from(GraphHandler.parse(body));
                    if (!create.ownerBinds().isEmpty() || !create.memberBinds().isEmpty()) {
                        GraphPermissions.require(caller, GraphPermissions.BIND_USERS_IN_NEW_GROUP);
                    }
                    SandboxGroup group = groups.create(create, users(create.ownerBinds()), users(create.memberBinds()),
                            exchange.now());
                    log.debug("Sandbox group {} '{}' created by app {}", group.id(), group.displayName(), caller.appId());
                    return group;
                })
                .flatMap(group -> exchange.created(DirectoryRepresentations.groupLocation(group, tenant.tenantId()),
                        DirectoryRepresentations.createdGroup(group, tenant.tenantId(), exchange.version())));
    }

    /** Object ids of the users the binds name, each once. */
    private List<String> users(List<String> binds) {
        List<String> ids = new ArrayList<>();
        for (String bind : binds) {
            String id = directory.bound(bind)
                    .orElseThrow(() -> DirectoryErrors.resourceNotFound(SandboxDirectory.bindKey(bind).orElse(bind)))
                    .id();
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    private Mono<GraphResponse> listGroups(GraphRequest request, GraphExchange exchange) {
        Predicate<SandboxGroup> filter = ODataSelect.option(request, "filter")
                .map(GroupFilter::parse)
                .orElse(group -> true);
        List<ObjectNode> values = groups.groups().stream()
                .filter(filter)
                .map(group -> DirectoryRepresentations.group(group, hasTeam(group.id(), exchange.now())))
                .toList();
        return exchange.ok(DirectoryRepresentations.collection(exchange.version(), "groups", values));
    }

    private Mono<GraphResponse> deleteGroup(GraphExchange exchange, String groupId) {
        SandboxGroup group = groups.delete(groupId).orElseThrow(() -> DirectoryErrors.resourceNotFound(groupId));
        // Deleting a team's group deletes the team, its channels and their files.
        tenant.removeTeam(group.id());
        folders.forget(group.id());
        return exchange.noContent();
    }

    private SandboxGroup group(String groupId) {
        return groups.group(groupId).orElseThrow(() -> DirectoryErrors.resourceNotFound(groupId));
    }

    /** Graph marks a group whose team exists with resourceProvisioningOptions ["Team"]. */
    private boolean hasTeam(String groupId, Instant now) {
        return tenant.team(groupId).filter(team -> tenant.operationAt(team, now).succeeded()).isPresent();
    }

    private ObjectNode directoryObjects(List<String> userIds, String version) {
        List<ObjectNode> values = userIds.stream()
                .flatMap(id -> directory.userById(id).stream())
                .map(DirectoryRepresentations::directoryObject)
                .toList();
        return DirectoryRepresentations.collection(version, "directoryObjects", values);
    }
}
