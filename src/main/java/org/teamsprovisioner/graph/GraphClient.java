package org.teamsprovisioner.graph;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;

/** The provisioner's only way into Microsoft Graph: the few calls it needs, with app-only tokens. */
public class GraphClient {

    private static final String MEMBER_TYPE = "#microsoft.graph.aadUserConversationMember";

    private final WebClient web;
    private final String root;
    private final Clock clock;
    private final GraphGuards guards;

    GraphClient(WebClient web, GraphProperties properties, Clock clock, GraphGuards guards) {
        this.web = web;
        this.root = properties.root();
        this.clock = clock;
        this.guards = guards;
    }

    /** The exact body {@link #createTeam} sends, also for previews. */
    public TeamBody bodyFor(NewTeam team) {
        List<TeamBody.Channel> channels = team.channels().stream()
                .map(c -> new TeamBody.Channel(c.displayName(), c.description(), c.favoriteByDefault()))
                .toList();
        List<TeamBody.InstalledApp> apps = team.installedApps().stream()
                .map(app -> new TeamBody.InstalledApp(root + "/appCatalogs/teamsApps(" + key(app) + ")"))
                .toList();
        Map<String, Map<String, Object>> settings = team.settings();
        String template = bind("teamsTemplates", team.templateId());
        if (team.groupId() != null) {
            // Graph takes the name, visibility and members from the group and rejects them here.
            return new TeamBody(template, bind("groups", team.groupId()), null, null, null, null, channels,
                    settings.get("memberSettings"), settings.get("guestSettings"), settings.get("funSettings"),
                    settings.get("messagingSettings"), settings.get("discoverySettings"), apps);
        }
        List<TeamBody.Member> members = new ArrayList<>();
        team.owners().forEach(owner -> members.add(new TeamBody.Member(MEMBER_TYPE, List.of("owner"), bind("users", owner))));
        team.members().stream()
                .filter(member -> !team.owners().contains(member))
                .forEach(member -> members.add(new TeamBody.Member(MEMBER_TYPE, List.of(), bind("users", member))));
        return new TeamBody(template, null, team.displayName(), team.description(), team.visibility(), members, channels,
                settings.get("memberSettings"), settings.get("guestSettings"), settings.get("funSettings"),
                settings.get("messagingSettings"), settings.get("discoverySettings"), apps);
    }

    /**
     * {@code POST /teams}: Graph answers 202 with the operation to follow in {@code Location}. Never
     * re-sent here: a failure after sending is {@linkplain GraphException#isAmbiguous() ambiguous}.
     */
    public Mono<CreatedTeam> createTeam(NewTeam team) {
        return guards.background(GraphWorkload.CREATE_TEAM, () -> web.post()
                .uri(URI.create(root + "/teams"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(bodyFor(team))
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

    /** {@code GET /groups?$filter=mailNickname eq '…'}: at most one group, since nicknames are unique. */
    public Mono<List<GroupSummary>> findGroupsByMailNickname(String mailNickname) {
        return findGroups("mailNickname eq " + literal(mailNickname));
    }

    /** {@code GET /groups?$filter=displayName eq '…'}: display names are not unique. */
    public Mono<List<GroupSummary>> findGroupsByDisplayName(String displayName) {
        return findGroups("displayName eq " + literal(displayName));
    }

    private Mono<List<GroupSummary>> findGroups(String filter) {
        String uri = root + "/groups?$filter=" + UriUtils.encodeQueryParam(filter, StandardCharsets.UTF_8)
                + "&$select=id,displayName,mailNickname,createdDateTime,resourceProvisioningOptions";
        return get(GraphWorkload.DIRECTORY, uri, GroupList.class).map(list -> list.value() == null ? List.<GroupSummary>of() : list.value());
    }

    /** An OData string literal: single quotes, a quote inside written twice. */
    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String segment(String value) {
        return UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
    }

    /**
     * {@code GET /users/{id | userPrincipalName}}; empty when the directory has no such user. A
     * portal waits for this one (the policy check of a submit), so transient failures are retried
     * in-process.
     */
    public Mono<DirectoryUser> findUser(String idOrUserPrincipalName) {
        URI uri = URI.create(root + "/users/" + segment(idOrUserPrincipalName) + "?$select=" + DirectoryUser.SELECT);
        return guards.interactive(GraphWorkload.DIRECTORY, () -> exchangeGet(uri, DirectoryUser.class))
                .onErrorResume(GraphException.class, error -> error.isNotFound() ? Mono.empty() : Mono.error(error));
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
        return response.bodyToMono(GraphError.class)
                .onErrorResume(notJson -> Mono.empty())
                .filter(error -> error.error() != null)
                .map(GraphError::error)
                .defaultIfEmpty(new GraphError.Body("HttpStatus" + status, "Graph answered HTTP " + status))
                .flatMap(error -> Mono.error(new GraphException(status, error.code(), error.message(), retryAfter, null)));
    }

    private static Throwable unreachable(Throwable error) {
        if (error instanceof GraphException) {
            return error;
        }
        return new GraphException(0, "ServiceUnreachable", "No answer from Graph: " + error.getMessage(), null, error);
    }

    private String bind(String collection, String id) {
        return root + "/" + collection + "(" + key(id) + ")";
    }

    /** An OData string key: quotes doubled, then percent-encoded where a path segment needs it. */
    private static String key(String id) {
        return "'" + segment(id.replace("'", "''")) + "'";
    }
}
