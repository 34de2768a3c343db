package org.teamsprovisioner.sandbox.routes;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.teamsprovisioner.sandbox.directory.DirectoryHandler;
import org.teamsprovisioner.sandbox.entra.GraphAuthenticator;
import org.teamsprovisioner.sandbox.http.GraphCaller;
import org.teamsprovisioner.sandbox.http.GraphException;
import org.teamsprovisioner.sandbox.http.GraphExchange;
import org.teamsprovisioner.sandbox.http.GraphPermissions;
import org.teamsprovisioner.sandbox.http.GraphRequest;
import org.teamsprovisioner.sandbox.http.GraphResource;
import org.teamsprovisioner.sandbox.http.GraphResponse;
import org.teamsprovisioner.sandbox.http.ODataPath;
import org.teamsprovisioner.sandbox.teams.TeamPartsHandler;
import org.teamsprovisioner.sandbox.teams.TeamsHandler;
import org.teamsprovisioner.sandbox.tenant.SandboxCounters;
import org.teamsprovisioner.sandbox.throttling.GraphGate;

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

    private final GraphAuthenticator authenticator;
    private final SandboxCounters counters;
    private final Clock clock;
    private final GraphGate gate;
    private final TeamsHandler teams;
    private final DirectoryHandler directory;
    private final TeamPartsHandler teamParts;
    private final GraphBatch batch;

    GraphHandler(GraphAuthenticator authenticator, SandboxCounters counters, Clock clock, GraphGate gate,
            TeamsHandler teams, DirectoryHandler directory, TeamPartsHandler teamParts) {
        this.authenticator = authenticator;
        this.counters = counters;
        this.clock = clock;
        this.gate = gate;
        this.teams = teams;
        this.directory = directory;
        this.teamParts = teamParts;
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
            return teams.create(request, exchange, caller);
        }
        if (resource instanceof GraphResource.Team team && method == HttpMethod.GET) {
            GraphPermissions.require(caller, GraphPermissions.READ_TEAM);
            return teams.get(team.teamId(), exchange);
        }
        if (resource instanceof GraphResource.TeamOperation operation && method == HttpMethod.GET) {
            GraphPermissions.require(caller, GraphPermissions.READ_TEAM);
            return teams.operation(operation, exchange);
        }
        throw GraphException.methodNotAllowed(
                "The sandbox does not simulate " + method.name() + " " + resource.template() + ".");
    }
}
