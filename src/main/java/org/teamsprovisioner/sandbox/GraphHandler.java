package org.teamsprovisioner.sandbox;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Everything under {@code /sandbox/graph/v1.0/**} and {@code /sandbox/graph/beta/**}. One
 * handler resolves the OData path itself (see {@link ODataPath}), then applies Graph's order of
 * checks: authentication (401) before the path is judged, then the permission (403), then the
 * request itself (415, 400), so that a client sees the same error Graph would show it first.
 *
 * <p>Between authentication and everything else stands the {@link GraphGate}: throttling (429),
 * then injected faults (503, 504). Injected latency delays every response, whatever its status.
 *
 * <p>{@code POST /$batch} goes to {@link GraphBatch}, which runs each of its requests through
 * {@link #process} as if it had come on its own.
 */
final class GraphHandler {

    private static final Logger log = LoggerFactory.getLogger(GraphHandler.class);

    private final SandboxTenant tenant;
    private final GraphAuthenticator authenticator;
    private final SandboxCounters counters;
    private final Clock clock;
    private final GraphGate gate;
    private final TeamCreation teamCreation;
    private final DirectoryHandler directory;
    private final TeamPartsHandler teamParts;
    private final PollRetryAfter pollRetryAfter;
    private final GraphBatch batch;

    GraphHandler(SandboxTenant tenant, GraphAuthenticator authenticator, SandboxCounters counters, Clock clock,
            GraphGate gate, TeamCreation teamCreation, DirectoryHandler directory, TeamPartsHandler teamParts,
            PollRetryAfter pollRetryAfter) {
        this.tenant = tenant;
        this.authenticator = authenticator;
        this.counters = counters;
        this.clock = clock;
        this.gate = gate;
        this.teamCreation = teamCreation;
        this.directory = directory;
        this.teamParts = teamParts;
        this.pollRetryAfter = pollRetryAfter;
        this.batch = new GraphBatch(this, authenticator, counters, clock);
    }

    Mono<ServerResponse> handle(ServerRequest request, String version) {
        GraphRequest graphRequest = GraphRequest.of(request, version);
        if (request.method() == HttpMethod.POST
                && GraphResource.resolve(graphRequest.path()) instanceof GraphResource.Batch) {
            return batch.handle(graphRequest, version).flatMap(GraphResponse::toServerResponse);
        }
        return process(graphRequest, version).flatMap(GraphResponse::toServerResponse);
    }

    /**
     * One Graph call from start to end: authentication, the gate (throttling, faults), the API,
     * latency, and the count in {@code _state}. A top-level call and each request of a
     * {@code $batch} come through here alike, so that Graph's "requests in a batch are evaluated
     * individually against throttling limits" (JSON batching doc) holds by construction.
     */
    Mono<GraphResponse> process(GraphRequest request, String version) {
        GraphExchange exchange = GraphExchange.begin(request.headers(), version, clock);
        GraphResource resource = GraphResource.resolve(request.path());
        String route = route(request.method(), resource);
        return Mono.defer(() -> dispatch(request, exchange, resource))
                .onErrorResume(GraphException.class, exchange::error)
                .onErrorResume(ex -> !(ex instanceof GraphException), ex -> {
                    log.warn("Sandbox Graph failed on {} {}", request.method(), request.path(), ex);
                    return exchange.error(GraphException.internal("The sandbox failed unexpectedly: " + ex));
                })
                .delayUntil(response -> latency(route))
                .doOnNext(response -> counters.graphCall(route, response.status().value()));
    }

    /**
     * An inner request of a batch that is not run because a request it depends on failed:
     * "any request that depends on that request fails with status code 424 (Failed Dependency)"
     * (JSON batching doc). It takes no throttling token and draws no fault, since Graph never
     * evaluates it, but it is counted under its own route like every answered request.
     */
    Mono<GraphResponse> failedDependency(GraphRequest request, String version, String dependencyId) {
        GraphExchange exchange = GraphExchange.begin(request.headers(), version, clock);
        String route = route(request.method(), GraphResource.resolve(request.path()));
        return exchange.error(new GraphException(HttpStatus.FAILED_DEPENDENCY, "FailedDependency",
                        "The request depends on request '" + dependencyId + "' of the batch, which failed."))
                .doOnNext(response -> counters.graphCall(route, response.status().value()));
    }

    /** Method and route template, e.g. {@code POST /teams}: what throttling, faults and counters key on. */
    static String route(HttpMethod method, GraphResource resource) {
        return method.name() + " " + resource.template();
    }

    /**
     * Injected latency holds the response back after the request was processed, not before: a
     * client that times out then faces what it would against a slow Graph, a call whose effect
     * (a created team) may already exist.
     */
    private Mono<Long> latency(String route) {
        Duration latency = gate.latency(route);
        return latency.isZero() ? Mono.empty() : Mono.delay(latency);
    }

    private Mono<GraphResponse> dispatch(GraphRequest request, GraphExchange exchange, GraphResource resource) {
        GraphCaller caller = authenticator.authenticate(request.headers(), exchange.now());
        gate.admit(caller, route(request.method(), resource), exchange.now());
        HttpMethod method = request.method();
        if (resource instanceof GraphResource.Unrecognized unrecognized) {
            throw GraphException.badRequest(unrecognized.message());
        }
        if (resource instanceof GraphResource.Batch) {
            // Only an inner request gets here ("JSON batch requests must not contain any nested
            // batch requests", JSON batching known issues); a top-level GET is not the batch API.
            throw method == HttpMethod.POST
                    ? GraphException.badRequest("Nested batch requests are not supported: a request of a JSON batch"
                            + " must not be a batch itself.")
                    : GraphException.methodNotAllowed("The sandbox does not simulate " + method.name() + " /$batch.");
        }
        if (resource instanceof GraphResource.DirectoryResource directoryResource) {
            return directory.handle(request, exchange, directoryResource, caller);
        }
        if (resource instanceof GraphResource.TeamResource teamResource) {
            return teamParts.handle(request, exchange, teamResource, caller);
        }
        if (resource instanceof GraphResource.Teams && method == HttpMethod.POST) {
            GraphPermissions.require(caller, GraphPermissions.CREATE_TEAM);
            return createTeam(request, exchange, caller);
        }
        if (resource instanceof GraphResource.Team team && method == HttpMethod.GET) {
            GraphPermissions.require(caller, GraphPermissions.READ_TEAM);
            return getTeam(team.teamId(), exchange);
        }
        if (resource instanceof GraphResource.TeamOperation operation && method == HttpMethod.GET) {
            GraphPermissions.require(caller, GraphPermissions.READ_TEAM);
            return getOperation(operation, exchange);
        }
        throw GraphException.methodNotAllowed(
                "The sandbox does not simulate " + method.name() + " " + resource.template() + ".");
    }

    private Mono<GraphResponse> createTeam(GraphRequest request, GraphExchange exchange, GraphCaller caller) {
        requireJson(request);
        return request.body()
                .defaultIfEmpty("")
                .map(body -> {
                    SandboxTeam team = teamCreation.create(parse(body), caller, exchange.now());
                    counters.teamCreated(team.displayName());
                    log.debug("Sandbox team {} '{}' requested by app {}", team.id(), team.displayName(), caller.appId());
                    return team;
                })
                .flatMap(team -> exchange.accepted(team.operationLocation(), team.location()));
    }

    /** Graph does not serve a team while its createTeam operation is still running (or failed). */
    private Mono<GraphResponse> getTeam(String teamId, GraphExchange exchange) {
        SandboxTeam team = tenant.team(teamId)
                .filter(candidate -> tenant.operationAt(candidate, exchange.now()).succeeded())
                .orElseThrow(() -> GraphException.notFound("No team found with Group Id " + teamId));
        return exchange.ok(GraphRepresentations.team(team, tenant.tenantId(), exchange.version()));
    }

    private Mono<GraphResponse> getOperation(GraphResource.TeamOperation operation, GraphExchange exchange) {
        SandboxTeam team = tenant.operation(operation.teamId(), operation.operationId())
                .orElseThrow(() -> GraphException.notFound("No operation '" + operation.operationId()
                        + "' found for team '" + operation.teamId() + "'."));
        OperationTimeline.Snapshot snapshot = tenant.operationAt(team, exchange.now());
        return exchange.ok(GraphRepresentations.operation(team, snapshot, tenant.timeline().failureMarker(),
                exchange.version()), pollRetryAfter.headers(snapshot, exchange.now()));
    }

    /** "Content-Type: application/json. Required." (graph-create-team doc, request headers). */
    static void requireJson(GraphRequest request) {
        MediaType contentType;
        try {
            contentType = request.headers().getContentType();
        }
        catch (InvalidMediaTypeException ex) {
            contentType = null;
        }
        if (contentType == null || !MediaType.APPLICATION_JSON.equalsTypeAndSubtype(contentType)) {
            throw GraphException.unsupportedMediaType("The request Content-Type '"
                    + request.headers().getFirst("Content-Type") + "' is not supported; use application/json.");
        }
    }

    static JsonNode parse(String body) {
        try {
            return SandboxJson.read(body);
        }
        catch (JacksonException ex) {
            // Graph's own wording for an unreadable body.
            throw GraphException.badRequest("Unable to read JSON request payload. Please ensure Content-Type header"
                    + " is set and payload is of valid JSON format.");
        }
    }
}
