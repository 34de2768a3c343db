package org.teamsprovisioner.sandbox.directory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;

import org.teamsprovisioner.sandbox.settings.SandboxProperties.User;
import org.teamsprovisioner.sandbox.http.DirectoryErrors;
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
import org.teamsprovisioner.sandbox.tenant.SandboxTenant;

/**
 * The directory part of Graph: {@code GET /users/{id | userPrincipalName}}, and
 * {@code POST/GET /groups}, {@code GET/DELETE /groups/{id}}, {@code GET /groups/{id}/owners} and
 * {@code /members}. {@code GraphHandler} has authenticated the caller; this class applies the
 * permission (403), then the request (415, 400), then the tenant's state (404).
 */
public final class DirectoryHandler {

    private static final Logger log = LoggerFactory.getLogger(DirectoryHandler.class);

    private final SandboxTenant tenant;
    private final SandboxDirectory directory;
    private final SandboxGroups groups;
    private final ChannelFolders folders;

    public DirectoryHandler(SandboxTenant tenant, SandboxDirectory directory, SandboxGroups groups, ChannelFolders folders) {
        this.tenant = tenant;
        this.directory = directory;
        this.groups = groups;
        this.folders = folders;
    }

    public Mono<GraphResponse> handle(GraphRequest request, GraphExchange exchange, GraphResource.DirectoryResource resource,
            GraphCaller caller) {
        HttpMethod method = request.method();
        if (resource instanceof GraphResource.Users && method == HttpMethod.GET) {
            // List users, "Application" row: User.Read.All, User.ReadWrite.All, Directory.Read.All,
            // Directory.ReadWrite.All, the same roles as Get user.
            GraphPermissions.require(caller, GraphPermissions.READ_USER);
            return listUsers(request, exchange);
        }
        if (resource instanceof GraphResource.DirectoryObjectsByIds && method == HttpMethod.POST) {
            GraphPermissions.require(caller, GraphPermissions.GET_BY_IDS);
            request.requireJson();
            return request.body().defaultIfEmpty("")
                    .flatMap(body -> getByIds(GraphRequest.readJson(body), ODataSelect.selected(request), exchange));
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
            DirectoryObjectPages query = DirectoryObjectPages.query(request);
            return exchange.ok(query.page(usersById(group(owners.groupId()).owners()), request, exchange.version()));
        }
        if (resource instanceof GraphResource.GroupMembers members && method == HttpMethod.GET) {
            GraphPermissions.require(caller, GraphPermissions.READ_GROUP);
            DirectoryObjectPages query = DirectoryObjectPages.query(request);
            return exchange.ok(query.page(usersById(group(members.groupId()).members()), request, exchange.version()));
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

    /** "You can specify up to 1000 IDs" (directoryObject: getByIds). */
    static final int MAX_IDS = 1000;

    /**
     * directoryObject: getByIds. {@code ids} are object ids ("The IDs are GUIDs, represented as
     * strings", up to 1000); {@code types} narrows the search to user, group or directoryObject
     * (the default), ignoring case. The answer holds the objects found, each once, in the order
     * asked, typed with {@code @odata.type}; ids that name nothing are simply absent. In v1.0
     * "only a subset of user properties are returned by default": the sandbox answers the
     * default user properties, or the $select (the known issues' workaround for fuller users).
     * A non-GUID id is Entra's "Invalid object identifier"; the wording past 1000 ids is the
     * sandbox's, Graph documents the limit only.
     */
    private Mono<GraphResponse> getByIds(JsonNode body, List<String> selected, GraphExchange exchange) {
        JsonNode ids = body.isObject() ? body.get("ids") : null;
        if (ids == null || !ids.isArray() || ids.isEmpty()) {
            throw DirectoryErrors.badRequest("The request body needs 'ids', a collection of object ids to return.");
        }
        if (ids.size() > MAX_IDS) {
            throw DirectoryErrors.badRequest("Too many ids: " + ids.size() + "; directoryObjects/getByIds takes up to "
                    + MAX_IDS + ".");
        }
        Set<String> types = types(body.get("types"));
        Set<String> seen = new HashSet<>();
        List<ObjectNode> values = new ArrayList<>();
        for (JsonNode idNode : ids) {
            String id = idNode.isString() ? idNode.stringValue() : null;
            if (id == null || !id.matches(User.GUID)) {
                throw DirectoryErrors.badRequest("Invalid object identifier '" + (id == null ? idNode : id) + "'.");
            }
            if (!seen.add(id.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (types.contains("user") || types.contains("directoryobject")) {
                directory.userById(id).ifPresent(user -> values.add(DirectoryRepresentations.typedUser(user, selected)));
            }
            if (types.contains("group") || types.contains("directoryobject")) {
                groups.group(id).ifPresent(group -> {
                    ObjectNode json = SandboxJson.object().put("@odata.type", "#microsoft.graph.group");
                    json.setAll(DirectoryRepresentations.group(group, hasTeam(group.id(), exchange.now())));
                    values.add(json);
                });
            }
        }
        return exchange.ok(DirectoryRepresentations.collection(exchange.version(), "directoryObjects", values));
    }

    /** The {@code types} asked for, in lower case, without a {@code microsoft.graph.} prefix; all when absent. */
    private static Set<String> types(JsonNode node) {
        if (node == null || node.isNull() || (node.isArray() && node.isEmpty())) {
            return Set.of("directoryobject");
        }
        if (!node.isArray()) {
            throw DirectoryErrors.badRequest("'types' is a collection of resource type names, e.g. [\"user\"].");
        }
        Set<String> types = new HashSet<>();
        node.forEach(type -> types.add(type.asString().toLowerCase(Locale.ROOT).replaceFirst("^#?microsoft\\.graph\\.", "")));
        return types;
    }

    private Mono<GraphResponse> createGroup(GraphRequest request, GraphExchange exchange, GraphCaller caller) {
        request.requireJson();
        return request.body()
                .defaultIfEmpty("")
                .map(body -> {
                    CreateGroupRequest create = CreateGroupRequest.from(GraphRequest.readJson(body));
                    if (!create.ownerBinds().isEmpty() || !create.memberBinds().isEmpty()) {
                        GraphPermissions.require(caller, GraphPermissions.BIND_USERS_IN_NEW_GROUP);
                    }
                    SandboxGroup group = groups.create(create.group(), users(create.ownerBinds()), users(create.memberBinds()),
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

    private List<User> usersById(Collection<String> userIds) {
        return userIds.stream().flatMap(id -> directory.userById(id).stream()).toList();
    }
}
