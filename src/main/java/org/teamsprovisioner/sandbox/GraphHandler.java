package org.teamsprovisioner.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriUtils;

/**
 * Everything under {@code /sandbox/graph/v1.0/**} and {@code /sandbox/graph/beta/**}. One
 * handler resolves the OData path itself (see {@link ODataPath}), then applies Graph's order of
 * checks: authentication (401) before the path is judged, then the permission (403), then the
 * request itself (415, 400), so that a client sees the same error Graph would show it first.
 *
 * <p>Between authentication and everything else stands the {@link GraphGate}: throttling (429),
 * then injected faults (503, 504). Injected latency delays every response, whatever its status.
 */
final class GraphHandler {

    private static final Logger log = LoggerFactory.getLogger(GraphHandler.class);

    /** Path segments before the resource path: sandbox, graph and the version. */
    private static final int PREFIX_SEGMENTS = 3;

    private final SandboxTenant tenant;
    private final GraphAuthenticator authenticator;
    private final SandboxCounters counters;
    private final Clock clock;
    private final GraphGate gate;
    private final TeamCreation teamCreation;
    private final DirectoryHandler directory;
    private final TeamPartsHandler teamParts;

    GraphHandler(SandboxTenant tenant, GraphAuthenticator authenticator, SandboxCounters counters, Clock clock,
            GraphGate gate, TeamCreation teamCreation, DirectoryHandler directory, TeamPartsHandler teamParts) {
        this.tenant = tenant;
        this.authenticator = authenticator;
        this.counters = counters;
        this.clock = clock;
        this.gate = gate;
        this.teamCreation = teamCreation;
        this.directory = directory;
        this.teamParts = teamParts;
    }

    Mono<ServerResponse> handle(ServerRequest request, String version) {
        GraphExchange exchange = GraphExchange.begin(request, version, clock);
        GraphResource resource = GraphResource.resolve(resourcePath(request));
        String route = route(request, resource);
        return Mono.defer(() -> dispatch(request, exchange, resource))
                .onErrorResume(GraphException.class, exchange::error)
                .onErrorResume(ex -> !(ex instanceof GraphException), ex -> {
                    log.warn("Sandbox Graph failed on {} {}", request.method(), request.path(), ex);
                    return exchange.error(GraphException.internal("The sandbox failed unexpectedly: " + ex));
                })
                .delayUntil(response -> latency(route))
                .doOnNext(response -> counters.graphCall(route, response.statusCode().value()));
    }

    /** Method and route template, e.g. {@code POST /teams}: what throttling, faults and counters key on. */
    private static String route(ServerRequest request, GraphResource resource) {
        return request.method().name() + " " + resource.template();
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

    /**
     * The path after the version, percent-decoded. Taken from the raw path rather than from
     * PathPattern variables because clients send the OData key characters {@code ( ) '} both
     * raw and as {@code %28 %29 %27}.
     */
    static String resourcePath(ServerRequest request) {
        String raw = request.requestPath().pathWithinApplication().value();
        int index = -1;
        for (int slash = 0; slash <= PREFIX_SEGMENTS; slash++) {
            index = raw.indexOf('/', index + 1);
            if (index < 0) {
                break;
            }
        }
        String remainder = index < 0 ? "" : raw.substring(index);
        try {
            return UriUtils.decode(remainder, StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException ex) {
            return remainder; // Malformed escapes then fail the OData parse, as a 400.
        }
    }

    private Mono<ServerResponse> dispatch(ServerRequest request, GraphExchange exchange, GraphResource resource) {
        GraphCaller caller = authenticator.authenticate(request.headers().asHttpHeaders(), exchange.now());
        gate.admit(caller, route(request, resource), exchange.now());
        HttpMethod method = request.method();
        if (resource instanceof GraphResource.Unrecognized unrecognized) {
            throw GraphException.badRequest(unrecognized.message());
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

    private Mono<ServerResponse> createTeam(ServerRequest request, GraphExchange exchange, GraphCaller caller) {
        requireJson(request);
        return request.bodyToMono(String.class)
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
    private Mono<ServerResponse> getTeam(String teamId, GraphExchange exchange) {
        SandboxTeam team = tenant.team(teamId)
                .filter(candidate -> tenant.operationAt(candidate, exchange.now()).succeeded())
                .orElseThrow(() -> GraphException.notFound("No team found with Group Id " + teamId));
        return exchange.ok(GraphRepresentations.team(team, tenant.tenantId(), exchange.version()));
    }

    private Mono<ServerResponse> getOperation(GraphResource.TeamOperation operation, GraphExchange exchange) {
        SandboxTeam team = tenant.operation(operation.teamId(), operation.operationId())
                .orElseThrow(() -> GraphException.notFound("No operation '" + operation.operationId()
                        + "' found for team '" + operation.teamId() + "'."));
        return exchange.ok(GraphRepresentations.operation(team, tenant.operationAt(team, exchange.now()),
                tenant.timeline().failureMarker(), exchange.version()));
    }

    /** "Content-Type: application/json. Required." (graph-create-team doc, request headers). */
    static void requireJson(ServerRequest request) {
        MediaType contentType;
        try {
            contentType = request.headers().contentType().orElse(null);
        }
        catch (InvalidMediaTypeException ex) {
            contentType = null;
        }
        if (contentType == null || !MediaType.APPLICATION_JSON.equalsTypeAndSubtype(contentType)) {
            throw GraphException.unsupportedMediaType("The request Content-Type '"
                    + request.headers().firstHeader("Content-Type") + "' is not supported; use application/json.");
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
