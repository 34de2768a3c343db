package org.teamsprovisioner.sandbox.routes;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.teamsprovisioner.sandbox.entra.GraphAuthenticator;
import org.teamsprovisioner.sandbox.http.GraphException;
import org.teamsprovisioner.sandbox.http.GraphExchange;
import org.teamsprovisioner.sandbox.http.GraphRequest;
import org.teamsprovisioner.sandbox.http.GraphResource;
import org.teamsprovisioner.sandbox.http.GraphResponse;
import org.teamsprovisioner.sandbox.http.SandboxJson;
import org.teamsprovisioner.sandbox.tenant.SandboxCounters;

/**
 * {@code POST /$batch}, as Microsoft Graph's "Combine multiple HTTP requests using JSON batching"
 * (learn.microsoft.com/graph/json-batching) and the JSON batching section of Graph's known issues
 * describe it.
 *
 * <p>The batch itself: authenticated (its token is every inner request's token), then read; a
 * malformed batch is one {@code 400} for the whole batch ("If the batch request itself is
 * malformed, the status code is 400. If the batch request is parseable, the status code is
 * 200"). It takes no throttling token and draws no fault: Graph documents that "requests in a
 * batch are evaluated individually against the applicable throttling limits", and nothing about
 * a limit on the batch call itself. It is counted as {@code POST /$batch} with its status.
 *
 * <p>Each inner request goes through {@link GraphHandler#process} as if it had come alone:
 * authentication, throttling on its own route class, injected faults and latency, its own
 * permission check and its own count in {@code callsByRoute}.
 *
 * <p>{@code dependsOn}: Graph accepts only the three patterns of its known issues (parallel: no
 * request states a dependency; serial: every request depends on the one before it; same: every
 * request that states a dependency states the same one), one dependency per request, and
 * "Batch should be either fully sequential or fully parallel" (JSON batching doc). A parallel
 * batch runs its requests concurrently and answers them in the order they complete (which is
 * request order unless latency is injected: "individual responses might appear in a different
 * order than the requests"); a batch with dependencies runs them one after the other in request
 * order, and "if an individual request fails, any request that depends on that request fails
 * with status code 424 (Failed Dependency)", without being run.
 */
final class GraphBatch {

    private static final Logger log = LoggerFactory.getLogger(GraphBatch.class);

    /** "JSON batch requests are currently limited to 20 individual requests" (JSON batching doc). */
    static final int MAX_REQUESTS = 20;

    /** Graph's answer to an empty or unreadable batch (as observed, e.g. for an empty requests array). */
    static final String INVALID_FORMAT = "Invalid batch payload format.";

    private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    /** One request of the batch, checked. */
    private record Step(String id, String dependsOn, GraphRequest request) {
    }

    private final GraphHandler graph;
    private final GraphAuthenticator authenticator;
    private final SandboxCounters counters;
    private final Clock clock;

    GraphBatch(GraphHandler graph, GraphAuthenticator authenticator, SandboxCounters counters, Clock clock) {
        this.graph = graph;
        this.authenticator = authenticator;
        this.counters = counters;
        this.clock = clock;
    }

    Mono<GraphResponse> handle(GraphRequest request, String version) {
        GraphExchange exchange = GraphExchange.begin(request.headers(), version, clock);
        String route = GraphHandler.route(HttpMethod.POST, new GraphResource.Batch());
        return Mono.defer(() -> {
                    authenticator.authenticate(request.headers(), exchange.now());
                    request.requireJson();
                    return request.body().defaultIfEmpty("")
                            .flatMap(body -> run(steps(GraphRequest.readJson(body), request, version), version))
                            .flatMap(responses -> exchange.batch(responses));
                })
                .onErrorResume(GraphException.class, exchange::error)
                .onErrorResume(ex -> !(ex instanceof GraphException), ex -> {
                    log.warn("Sandbox Graph failed on POST /$batch", ex);
                    return exchange.error(GraphException.internal("The sandbox failed unexpectedly: " + ex));
                })
                .doOnNext(response -> counters.graphCall(route, response.status().value()));
    }

    private Mono<ObjectNode> run(List<Step> steps, String version) {
        boolean parallel = steps.stream().allMatch(step -> step.dependsOn() == null);
        Flux<ObjectNode> entries;
        if (parallel) {
            // Subscribed in request order, so throttling and fault draws happen in request order.
            entries = Flux.fromIterable(steps)
                    .flatMap(step -> graph.process(step.request(), version).map(response -> entry(step, response)));
        }
        else {
            Set<String> failed = new HashSet<>();
            entries = Flux.fromIterable(steps).concatMap(step -> {
                Mono<GraphResponse> response = step.dependsOn() != null && failed.contains(key(step.dependsOn()))
                        ? graph.failedDependency(step.request(), version, step.dependsOn())
                        : graph.process(step.request(), version);
                return response.map(answer -> {
                    if (!answer.status().is2xxSuccessful()) {
                        failed.add(key(step.id()));
                    }
                    return entry(step, answer);
                });
            });
        }
        return entries.collectList().map(list -> {
            ObjectNode json = SandboxJson.object();
            ArrayNode responses = json.putArray("responses");
            list.forEach(responses::add);
            return json;
        });
    }

    /**
     * One entry of {@code responses}: {@code id}, {@code status}, {@code headers} (what the server
     * returned, such as Content-Type, Location or Retry-After) and {@code body}, as in the doc's
     * example response. The correlation ids stay in the error body's innerError, where the
     * example shows them; an answer without content has no {@code body}.
     */
    private static ObjectNode entry(Step step, GraphResponse response) {
        ObjectNode entry = SandboxJson.object();
        entry.put("id", step.id());
        entry.put("status", response.status().value());
        ObjectNode headers = entry.putObject("headers");
        response.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("request-id") && !name.equalsIgnoreCase("client-request-id")
                    && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                headers.put(name, String.join(", ", values));
            }
        });
        if (response.body() != null) {
            try {
                entry.set("body", SandboxJson.read(response.body()));
            }
            catch (JacksonException ex) {
                entry.put("body", response.body());
            }
        }
        return entry;
    }

    /** The batch's requests, or the 400 that answers the whole batch. */
    private static List<Step> steps(JsonNode batch, GraphRequest outer, String version) {
        JsonNode requests = batch.isObject() ? batch.get("requests") : null;
        if (requests == null || !requests.isArray() || requests.isEmpty()) {
            throw GraphException.badRequest(INVALID_FORMAT);
        }
        if (requests.size() > MAX_REQUESTS) {
            // Graph documents the limit; the wording of its error is not documented.
            throw GraphException.badRequest(INVALID_FORMAT + " A JSON batch holds at most " + MAX_REQUESTS
                    + " requests; this one has " + requests.size() + ".");
        }
        List<Step> steps = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        for (JsonNode request : requests) {
            Step step = step(request, outer, version, ids);
            steps.add(step);
        }
        requireSupportedDependencies(steps);
        return steps;
    }

    private static Step step(JsonNode request, GraphRequest outer, String version, Map<String, String> seen) {
        if (!request.isObject()) {
            throw invalid("each request is a JSON object with id, method and url");
        }
        String id = text(request, "id");
        String methodName = text(request, "method");
        String url = text(request, "url");
        if (id == null || id.isEmpty() || methodName == null || url == null || url.isBlank()) {
            throw invalid("every request needs the string properties id, method and url");
        }
        // "Not case-sensitive. Must be unique in the batch, otherwise, the batch request fails with a
        // 400 error code"; the wording is Graph's, as clients report it (e.g. msgraph-sdk-java#559).
        if (seen.putIfAbsent(key(id), id) != null) {
            throw GraphException.badRequest("Request Id " + id + " has to be unique in a batch.");
        }
        if (!METHODS.contains(methodName.toUpperCase(Locale.ROOT))) {
            throw invalid("request " + id + " has the method '" + methodName + "'");
        }
        HttpMethod method = HttpMethod.valueOf(methodName.toUpperCase(Locale.ROOT));
        if (url.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*")) {
            // "All URIs must be relative" (JSON batching known issues).
            throw invalid("request " + id + " has the absolute URL '" + url + "'; URLs in a batch are relative to the"
                    + " version, e.g. /users/{id}");
        }
        HttpHeaders headers = headers(request.get("headers"), id);
        JsonNode bodyNode = request.get("body");
        boolean hasBody = bodyNode != null && !bodyNode.isNull();
        boolean hasContentType = headers.getFirst(HttpHeaders.CONTENT_TYPE) != null;
        // "headers: Optional but required when the body is specified"; "While the target URL
        // doesn't require a request body, you must still specify the headers and body" for a
        // write. The wording is Graph's batch validation's, as PnP Core quotes it.
        if ((WRITES.contains(method) && (!hasBody || !hasContentType)) || (hasBody && !hasContentType)) {
            throw GraphException.badRequest("Write request id : " + id + " does not contain Content-Type header or body.");
        }
        String dependsOn = dependsOn(request.get("dependsOn"), id, seen);
        // The batch's token authenticates every request in it.
        headers.remove(HttpHeaders.AUTHORIZATION);
        String authorization = outer.headers().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            headers.set(HttpHeaders.AUTHORIZATION, authorization);
        }
        String body = !hasBody ? null : bodyNode.isString() ? bodyNode.stringValue() : SandboxJson.write(bodyNode);
        return new Step(id, dependsOn, GraphRequest.inner(method, url, version, headers, body, outer.serviceRoot()));
    }

    private static HttpHeaders headers(JsonNode node, String id) {
        HttpHeaders headers = new HttpHeaders();
        if (node == null || node.isNull()) {
            return headers;
        }
        if (!node.isObject()) {
            throw invalid("the headers of request " + id + " are not a JSON object");
        }
        for (Map.Entry<String, JsonNode> header : node.properties()) {
            JsonNode value = header.getValue();
            if (!value.isValueNode() || value.isNull()) {
                throw invalid("the header " + header.getKey() + " of request " + id + " is not a string");
            }
            headers.add(header.getKey(), value.asString());
        }
        return headers;
    }

    /**
     * The id this request depends on, or null. "Currently, requests can only depend on a single
     * other request" (known issues); a dependency must be a request earlier in the batch, the
     * message being that of OData .NET's batch reader (OData/odata.net#1822), which Graph's
     * batch handling is built on.
     */
    private static String dependsOn(JsonNode node, String id, Map<String, String> seenSoFar) {
        if (node == null || node.isNull() || (node.isArray() && node.isEmpty())) {
            return null;
        }
        if (!node.isArray()) {
            throw invalid("the dependsOn of request " + id + " is not an array of request ids");
        }
        if (node.size() > 1) {
            throw GraphException.badRequest("Request " + id + " depends on " + node.size() + " requests; Microsoft Graph"
                    + " currently lets a request depend on a single other request (JSON batching known issues).");
        }
        JsonNode dependency = node.get(0);
        if (!dependency.isString()) {
            throw invalid("the dependsOn of request " + id + " is not an array of request ids");
        }
        String dependsOn = dependency.stringValue();
        if (key(dependsOn).equals(key(id)) || !seenSoFar.containsKey(key(dependsOn))) {
            throw GraphException.badRequest("The dependsOn Id: [" + dependsOn + "] in request [" + id + "] is not matching"
                    + " any of the request Id and atomic group Id seen so far. Forward reference is not allowed.");
        }
        return seenSoFar.get(key(dependsOn));
    }

    /** Parallel, serial or same (JSON batching known issues), else the doc's "fully sequential or fully parallel". */
    private static void requireSupportedDependencies(List<Step> steps) {
        boolean parallel = steps.stream().allMatch(step -> step.dependsOn() == null);
        boolean serial = steps.get(0).dependsOn() == null;
        for (int i = 1; i < steps.size() && serial; i++) {
            serial = steps.get(i).dependsOn() != null && key(steps.get(i).dependsOn()).equals(key(steps.get(i - 1).id()));
        }
        boolean same = steps.stream().map(Step::dependsOn).filter(dependsOn -> dependsOn != null)
                .map(GraphBatch::key).distinct().count() == 1;
        if (!parallel && !serial && !same) {
            throw GraphException.badRequest("Batch should be either fully sequential or fully parallel.");
        }
    }

    private static String text(JsonNode request, String property) {
        JsonNode value = request.get(property);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    /** Request ids are "not case-sensitive" (JSON batching doc). */
    private static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }

    private static GraphException invalid(String why) {
        return GraphException.badRequest(INVALID_FORMAT + " (The sandbox: " + why + ".)");
    }
}
