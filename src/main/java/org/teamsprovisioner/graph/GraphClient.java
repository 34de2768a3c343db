package org.teamsprovisioner.graph;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriUtils;
import org.teamsprovisioner.provisioning.GraphWorkload;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The provisioner's only way into Microsoft Graph: the few calls it needs, with app-only tokens. */
public class GraphClient {

    private final WebClient web;
    private final String root;
    private final Clock clock;
    private final GraphGuards guards;
    private final JsonMapper json;
    private final TeamBodies bodies;

    GraphClient(WebClient web, GraphProperties properties, Clock clock, GraphGuards guards, JsonMapper json) {
        this.web = web;
        this.root = properties.root();
        this.bodies = new TeamBodies(root);
        this.clock = clock;
        this.guards = guards;
        this.json = json;
    }

    /**
     * {@code POST /teams}: Graph answers 202 with the operation to follow in {@code Location}. Never
     * re-sent here: a failure after sending is {@linkplain GraphException#isAmbiguous() ambiguous}.
     */
    public Mono<CreatedTeam> createTeam(NewTeam team) {
        return createTeam(bodies.bodyFor(team));
    }

    /** {@code POST /teams} with a body made by {@link TeamBodies}. */
    Mono<CreatedTeam> createTeam(TeamBody body) {
        return guards.background(GraphWorkload.CREATE_TEAM, () -> web.post()
                .uri(URI.create(root + "/teams"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchangeToMono(response -> response.statusCode().value() == 202
                        ? response.releaseBody().then(Mono.fromCallable(() -> accepted(response)))
                        : failure(response))
                .onErrorMap(GraphClient::unreachable)
                .onErrorMap(GraphException.class, GraphClient::afterPost));
    }

    /**
     * {@code GET /teams('{id}')/operations('{opId}')}, with the {@code Retry-After} Graph may put on
     * an operation that is still running.
     */
    public Mono<OperationPoll> getOperation(String teamId, String operationId) {
        URI uri = URI.create(root + "/teams(" + key(teamId) + ")/operations(" + key(operationId) + ")");
        return guards.background(GraphWorkload.TEAMS_READ, () -> web.get()
                .uri(uri)
                .accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(response -> response.statusCode().is2xxSuccessful()
                        ? response.bodyToMono(TeamsAsyncOperation.class).map(operation -> new OperationPoll(operation,
                                RetryAfter.parse(response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER), clock)))
                        : failure(response))
                .onErrorMap(GraphClient::unreachable));
    }

    /**
     * {@code GET /teams/{id}/channels/{channelId}/filesFolder}. Reading a channel's files folder makes
     * SharePoint provision it, which the Create team doc recommends when a new team's General channel
     * has no site after 5 minutes.
     */
    public Mono<Void> touchFilesFolder(String teamId, String channelId) {
        return get(GraphWorkload.TEAMS_READ, root + "/teams/" + segment(teamId) + "/channels/" + segment(channelId) + "/filesFolder",
                Map.class).then();
    }

    public Mono<Team> getTeam(String teamId) {
        return get(GraphWorkload.GET_TEAM, root + "/teams/" + segment(teamId), Team.class);
    }

    /**
     * {@code POST /groups}: a Microsoft 365 (Unified) group. Graph accepts at most 20 owners and
     * members together in this call; callers add the rest once the team exists.
     */
    public Mono<GroupSummary> createGroup(NewGroup group) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("displayName", group.displayName());
        if (group.description() != null) {
            body.put("description", group.description());
        }
        body.put("groupTypes", List.of("Unified"));
        body.put("mailEnabled", true);
        body.put("mailNickname", group.mailNickname());
        body.put("securityEnabled", false);
        body.put("visibility", "public".equalsIgnoreCase(group.visibility()) ? "Public" : "Private");
        body.put("owners@odata.bind", group.owners().stream().map(owner -> root + "/users/" + segment(owner)).toList());
        if (!group.members().isEmpty()) {
            body.put("members@odata.bind", group.members().stream().map(member -> root + "/users/" + segment(member)).toList());
        }
        return guards.background(GraphWorkload.DIRECTORY, () -> web.post()
                .uri(URI.create(root + "/groups"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchangeToMono(response -> response.statusCode().is2xxSuccessful()
                        ? response.bodyToMono(GroupSummary.class)
                        : failure(response))
                .onErrorMap(GraphClient::unreachable)
                .onErrorMap(GraphException.class, GraphClient::afterPost));
    }

    /**
     * {@code POST /teams/{id}/members/add} with at most 200 users (Graph's limit per call). Adding
     * someone who is already a member changes nothing, so a repeat after a lost answer is harmless.
     *
     * @return the users Graph could not add, with its reason
     */
    public Mono<List<String>> addMembers(String teamId, List<String> owners, List<String> members) {
        List<Map<String, Object>> values = new ArrayList<>();
        owners.forEach(owner -> values.add(Map.of("@odata.type", "microsoft.graph.aadUserConversationMember",
                "roles", List.of("owner"), "user@odata.bind", bind("users", owner))));
        members.forEach(member -> values.add(Map.of("@odata.type", "microsoft.graph.aadUserConversationMember",
                "roles", List.of(), "user@odata.bind", bind("users", member))));
        return guards.background(GraphWorkload.TEAMS_WRITE, () -> web.post()
                .uri(URI.create(root + "/teams/" + segment(teamId) + "/members/add"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("values", values))
                .exchangeToMono(response -> response.statusCode().is2xxSuccessful()
                        ? response.bodyToMono(MemberResults.class).map(MemberResults::failures)
                        : failure(response))
                .onErrorMap(GraphClient::unreachable));
    }

    /** {@code GET /groups/{id}}; empty when the directory has no such group. */
    public Mono<GroupSummary> findGroup(String groupId) {
        return get(GraphWorkload.DIRECTORY, root + "/groups/" + segment(groupId)
                        + "?$select=id,displayName,mailNickname,createdDateTime,resourceProvisioningOptions", GroupSummary.class)
                .onErrorResume(GraphException.class, error -> error.isNotFound() ? Mono.empty() : Mono.error(error));
    }

    // Entra ID allows 100 owners per group and Graph pages directory objects by 100: ten pages are far more than a group has.
    private static final int MAX_OWNER_PAGES = 10;

    /**
     * {@code GET /groups/{id}/owners?$select=id}, every page: the object ids of the group's owners,
     * in lower case; empty when the directory has no such group. A portal waits for this (the
     * policy checks that a requester owns the group they would turn into a team), so each page is
     * retried like the other directory reads. An {@code @odata.nextLink} outside the configured
     * Graph root is not followed: the app's token would go with it.
     */
    public Mono<Optional<Set<String>>> findGroupOwnerIds(String groupId) {
        URI first = URI.create(root + "/groups/" + segment(groupId) + "/owners?$select=id");
        return ownersPage(first)
                .expand(page -> page.nextLink() == null ? Mono.empty() : ownersPage(nextPage(page.nextLink())))
                .take(MAX_OWNER_PAGES)
                .collect(java.util.HashSet<String>::new, (ids, page) -> (page.value() == null ? List.<DirectoryObjectPage.Entry>of()
                        : page.value()).forEach(owner -> ids.add(owner.id().toLowerCase(java.util.Locale.ROOT))))
                .map(ids -> Optional.<Set<String>>of(Set.copyOf(ids)))
                .onErrorResume(GraphException.class, error -> error.isNotFound() ? Mono.just(Optional.empty()) : Mono.error(error));
    }

    private Mono<DirectoryObjectPage> ownersPage(URI uri) {
        return guards.interactive(GraphWorkload.DIRECTORY, () -> exchangeGet(uri, DirectoryObjectPage.class));
    }

    private URI nextPage(String link) {
        if (!link.startsWith(root + "/")) {
            throw new GraphException(0, "UnexpectedNextLink", "Graph's @odata.nextLink " + link + " is outside " + root
                    + "; it was not followed", null, null);
        }
        return URI.create(link);
    }

    /** {@code GET /groups?$filter=mailNickname eq '…'}: at most one group, since nicknames are unique. */
    public Mono<List<GroupSummary>> findGroupsByMailNickname(String mailNickname) {
        return findGroups("mailNickname eq " + literal(mailNickname));
    }

    /** {@code GET /groups?$filter=displayName eq '…'}: display names are not unique. */
    public Mono<List<GroupSummary>> findGroupsByDisplayName(String displayName) {
        return findGroups("displayName eq " + literal(displayName));
    }

    private Mono<List<GroupSummary>> findGroups(String filter) {
        String uri = root + "/groups?$filter=" + queryValue(filter)
                + "&$select=id,displayName,mailNickname,createdDateTime,resourceProvisioningOptions";
        return get(GraphWorkload.DIRECTORY, uri, GroupList.class).map(list -> list.value() == null ? List.<GroupSummary>of() : list.value());
    }

    /**
     * A query parameter value, percent-encoded. RFC 3986 lets {@code +} stand in a query, but
     * servers decode it as a space (form encoding), so {@code a+b@contoso.com} would be looked up as
     * {@code a b@contoso.com}: it is encoded too.
     */
    private static String queryValue(String value) {
        return UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8).replace("+", "%2B");
    }

    /** An OData string literal: single quotes, a quote inside written twice. */
    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String segment(String value) {
        return GraphUris.segment(value);
    }

    /**
     * Looks many users up in as few calls as Graph allows: {@code GET /users?$filter=id in (…) or
     * userPrincipalName in (…)}, 15 values per request (the known issues' limit on {@code in}
     * without advanced query parameters), and several such requests in one {@code POST /$batch}
     * (20 at most). A portal waits for this (the policy check of a submit): requests Graph
     * answered with a transient failure (429, 5xx) are sent again, alone, after the longest
     * Retry-After among them; the others are not repeated. User.Read.All suffices (getByIds would
     * need Directory.Read.All, and takes ids only).
     *
     * @return the users found, keyed by the id or name as given; absent ones are not in the directory
     */
    public Mono<Map<String, GraphUser>> findUsers(java.util.Collection<? extends String> idsOrUserPrincipalNames) {
        List<String> wanted = List.copyOf(new java.util.LinkedHashSet<>(idsOrUserPrincipalNames));
        if (wanted.isEmpty()) {
            return Mono.just(Map.of());
        }
        List<List<String>> filters = partition(wanted, MAX_IN_VALUES);
        return reactor.core.publisher.Flux.fromIterable(partition(filters, JsonBatch.MAX_REQUESTS))
                .flatMap(this::findUsersInOneCall)
                .collect(java.util.HashMap<String, GraphUser>::new, Map::putAll)
                .map(Map::copyOf);
    }

    // "When using the in operator, the request is limited to 15 expressions in the filter clause by default" (Graph known issues).
    private static final int MAX_IN_VALUES = 15;

    /** One GET for up to 15 users; a $batch of such GETs for more. */
    private Mono<Map<String, GraphUser>> findUsersInOneCall(List<List<String>> filters) {
        Map<String, GraphUser> found = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.Set<Integer> unresolved = java.util.concurrent.ConcurrentHashMap.newKeySet();
        for (int i = 0; i < filters.size(); i++) {
            unresolved.add(i);
        }
        return guards.interactive(GraphWorkload.DIRECTORY, () -> {
            List<Integer> pending = unresolved.stream().sorted().toList();
            if (filters.size() == 1) {
                return exchangeGet(URI.create(root + usersWhere(filters.get(0))), UserList.class)
                        .doOnNext(list -> {
                            match(filters.get(0), list.value(), found);
                            unresolved.clear();
                        })
                        .then();
            }
            List<JsonBatch.Request> requests = pending.stream()
                    .map(index -> new JsonBatch.Request(Integer.toString(index), "GET", usersWhere(filters.get(index))))
                    .toList();
            return web.post()
                    .uri(URI.create(root + "/$batch"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .bodyValue(new JsonBatch.Requests(requests))
                    .exchangeToMono(response -> response.statusCode().is2xxSuccessful()
                            ? response.bodyToMono(JsonBatch.Responses.class)
                            : failure(response))
                    .onErrorMap(GraphClient::unreachable)
                    .flatMap(answer -> settle(answer, filters, found, unresolved));
        }).thenReturn(found);
    }

    /** {@code /users?$filter=…&$select=…}, relative to the version root, encoded for a URL. */
    private static String usersWhere(List<String> users) {
        List<String> ids = users.stream().filter(user -> !isUserPrincipalName(user)).map(GraphClient::literal).toList();
        List<String> names = users.stream().filter(GraphClient::isUserPrincipalName).map(GraphClient::literal).toList();
        List<String> clauses = new ArrayList<>();
        if (!ids.isEmpty()) {
            clauses.add("id in (" + String.join(",", ids) + ")");
        }
        if (!names.isEmpty()) {
            clauses.add("userPrincipalName in (" + String.join(",", names) + ")");
        }
        return "/users?$filter=" + queryValue(String.join(" or ", clauses)) + "&$select=" + GraphUser.SELECT;
    }

    private static boolean isUserPrincipalName(String user) {
        return user.indexOf('@') >= 0;
    }

    /** Graph answers the users that exist, unordered: each is matched to the id or name asked for, ignoring case. */
    private static void match(List<String> asked, List<GraphUser> answered, Map<String, GraphUser> found) {
        for (String user : asked) {
            for (GraphUser candidate : answered == null ? List.<GraphUser>of() : answered) {
                String key = isUserPrincipalName(user) ? candidate.userPrincipalName() : candidate.id();
                if (user.equalsIgnoreCase(key)) {
                    found.put(user, candidate);
                }
            }
        }
    }

    /** Takes what Graph answered; fails with the first transient failure (and the longest Retry-After) if any request needs repeating. */
    private Mono<Void> settle(JsonBatch.Responses answer, List<List<String>> filters, Map<String, GraphUser> found,
            java.util.Set<Integer> unresolved) {
        GraphException transientFailure = null;
        java.time.Duration longestWait = null;
        for (JsonBatch.Response response : answer.responses() == null ? List.<JsonBatch.Response>of() : answer.responses()) {
            Integer index = indexOf(response.id(), filters.size());
            if (index == null || !unresolved.contains(index)) {
                continue;
            }
            if (response.status() >= 200 && response.status() < 300) {
                match(filters.get(index), json.treeToValue(response.body(), UserList.class).value(), found);
                unresolved.remove(index);
                continue;
            }
            GraphError.Body error = errorOf(response);
            GraphException failure = new GraphException(response.status(), error.code(), error.message(),
                    RetryAfter.parse(response.header(HttpHeaders.RETRY_AFTER), clock), null);
            if (!failure.isTransient()) {
                return Mono.error(failure);
            }
            transientFailure = transientFailure == null ? failure : transientFailure;
            java.time.Duration wait = failure.retryAfter().orElse(null);
            if (wait != null && (longestWait == null || wait.compareTo(longestWait) > 0)) {
                longestWait = wait;
            }
        }
        if (transientFailure == null && !unresolved.isEmpty()) {
            // Graph answers every request of a batch; one left out is retried like a failure.
            transientFailure = new GraphException(0, "BatchResponseMissing", "Graph's $batch answer left out "
                    + unresolved.size() + " request(s)", null, null);
        }
        if (transientFailure == null) {
            return Mono.empty();
        }
        return Mono.error(longestWait == null ? transientFailure : new GraphException(transientFailure.status(),
                transientFailure.code(), transientFailure.getMessage(), longestWait, null));
    }

    private static Integer indexOf(String id, int size) {
        try {
            int index = Integer.parseInt(id);
            return index >= 0 && index < size ? index : null;
        } catch (NumberFormatException notOurs) {
            return null;
        }
    }

    private GraphError.Body errorOf(JsonBatch.Response response) {
        try {
            GraphError error = response.body() == null ? null : json.treeToValue(response.body(), GraphError.class);
            if (error != null && error.error() != null) {
                return error.error();
            }
        } catch (RuntimeException unreadable) {
            // reported with the status alone
        }
        return new GraphError.Body("HttpStatus" + response.status(), "Graph answered HTTP " + response.status() + " in a $batch");
    }

    private static <T> List<List<T>> partition(List<T> items, int size) {
        List<List<T>> parts = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            parts.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return parts;
    }

    /** A GET a job makes: tried once, since the job reschedules itself after a failure (see {@link GraphGuards}). */
    private <T> Mono<T> get(GraphWorkload workload, String uri, Class<T> type) {
        return guards.background(workload, () -> exchangeGet(URI.create(uri), type));
    }

    private <T> Mono<T> exchangeGet(URI uri, Class<T> type) {
        return web.get()
                .uri(uri)
                .accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(response -> response.statusCode().is2xxSuccessful()
                        ? response.bodyToMono(type)
                        : failure(response))
                .onErrorMap(GraphClient::unreachable);
    }

    /**
     * A POST that got a 5xx, or no answer once it may have been sent, may still have been carried
     * out. A refused connection or a failed token request never sent it, and a 4xx (429 included)
     * is Graph refusing it.
     */
    private static GraphException afterPost(GraphException error) {
        boolean notSent = GraphTokenFilter.TOKEN_REQUEST_FAILED.equals(error.code())
                || error.getCause() instanceof java.net.ConnectException;
        boolean mayHaveActed = error.status() >= 500 || error.status() == 202 || (error.status() == 0 && !notSent);
        return mayHaveActed ? error.ambiguous() : error;
    }

    private static CreatedTeam accepted(ClientResponse response) {
        try {
            OperationLocation location = OperationLocation.parse(response.headers().asHttpHeaders().getFirst(HttpHeaders.LOCATION));
            return new CreatedTeam(location.teamId(), location.operationId());
        } catch (IllegalArgumentException unreadable) {
            // Graph did accept the team: retrying the POST would create a second one, so this is final.
            throw new GraphException(202, "UnreadableLocation", unreadable.getMessage(), null, unreadable);
        }
    }

    private <T> Mono<T> failure(ClientResponse response) {
        int status = response.statusCode().value();
        var retryAfter = RetryAfter.parse(response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER), clock);
        // Graph's request-id is what Microsoft support asks for; the message (and so the id) goes to the log only.
        String requestId = response.headers().asHttpHeaders().getFirst("request-id");
        String suffix = requestId == null ? "" : " (request-id " + requestId + ")";
        return response.bodyToMono(GraphError.class)
                .onErrorResume(notJson -> Mono.empty())
                .filter(error -> error.error() != null)
                .map(GraphError::error)
                .defaultIfEmpty(new GraphError.Body("HttpStatus" + status, "Graph answered HTTP " + status))
                .flatMap(error -> Mono.error(new GraphException(status, error.code(), error.message() + suffix, retryAfter, null)));
    }

    private static Throwable unreachable(Throwable error) {
        if (error instanceof GraphException) {
            return error;
        }
        return new GraphException(0, "ServiceUnreachable", "No answer from Graph: " + error.getMessage(), null, error);
    }

    private String bind(String collection, String id) {
        return GraphUris.bind(root, collection, id);
    }

    private static String key(String id) {
        return GraphUris.key(id);
    }
}
