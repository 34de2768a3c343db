package org.teamsprovisioner.sandbox.http;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.node.ObjectNode;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * One Graph request/response pair: its ids, its instant, and the only place Graph responses
 * are built, so that every response (success or error) carries Graph's correlation headers.
 * A request inside a {@code $batch} has an exchange of its own, with its own request id.
 *
 * <p>Graph answers {@code request-id} on every response and {@code client-request-id} echoing
 * the caller's header; when the caller sent none, Graph reuses the request id, and so does the
 * sandbox.
 */
public final class GraphExchange {

    /** What Graph actually sends for entity bodies; clients must accept the OData parameters. */
    static final MediaType ODATA_JSON = MediaType.parseMediaType(
            "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8");

    private final String requestId = UUID.randomUUID().toString();
    private final String clientRequestId;
    private final String version;
    private final Instant now;

    private GraphExchange(String clientRequestId, String version, Instant now) {
        this.clientRequestId = clientRequestId != null && !clientRequestId.isBlank() ? clientRequestId : requestId;
        this.version = version;
        this.now = now;
    }

    public static GraphExchange begin(HttpHeaders headers, String version, Clock clock) {
        return new GraphExchange(headers.getFirst("client-request-id"), version, clock.instant());
    }

    /** The instant the request arrived; every decision of this request uses it. */
    public Instant now() {
        return now;
    }

    /** {@code v1.0} or {@code beta}, as in the request path. */
    public String version() {
        return version;
    }

    String requestId() {
        return requestId;
    }

    public Mono<GraphResponse> ok(ObjectNode body) {
        return json(HttpStatus.OK, body);
    }

    /** {@code ok} with extra headers, e.g. a poll's Retry-After. */
    public Mono<GraphResponse> ok(ObjectNode body, HttpHeaders extra) {
        HttpHeaders headers = start(ODATA_JSON);
        headers.addAll(extra);
        return respond(HttpStatus.OK, headers, SandboxJson.write(body));
    }

    /** Any status with an entity body, e.g. members/add's 207 Multi-Status. */
    public Mono<GraphResponse> json(HttpStatus status, ObjectNode body) {
        return respond(status, start(ODATA_JSON), SandboxJson.write(body));
    }

    /** A $batch's 200: plain {@code application/json}, as in the JSON batching doc's example response. */
    public Mono<GraphResponse> batch(ObjectNode body) {
        return respond(HttpStatus.OK, start(MediaType.APPLICATION_JSON), SandboxJson.write(body));
    }

    /** Create group's 201: the new entity and where it lives. */
    public Mono<GraphResponse> created(String location, ObjectNode body) {
        HttpHeaders headers = start(ODATA_JSON);
        headers.set(HttpHeaders.LOCATION, location);
        return respond(HttpStatus.CREATED, headers, SandboxJson.write(body));
    }

    /** Delete's 204, without a body. */
    public Mono<GraphResponse> noContent() {
        return respond(HttpStatus.NO_CONTENT, start(null), null);
    }

    /**
     * Create team's 202: relative OData-key URLs and an empty body. The documented response
     * still says {@code Content-Type: application/json} with {@code Content-Length: 0}, so
     * clients must not try to decode it; the sandbox reproduces that trap on purpose.
     */
    public Mono<GraphResponse> accepted(String location, String contentLocation) {
        HttpHeaders headers = start(MediaType.APPLICATION_JSON);
        headers.set(HttpHeaders.LOCATION, location);
        headers.set(HttpHeaders.CONTENT_LOCATION, contentLocation);
        headers.set(HttpHeaders.CONTENT_LENGTH, "0");
        return respond(HttpStatus.ACCEPTED, headers, null);
    }

    /** Graph's error body: {@code {"error":{"code","message","innerError":{...}}}}. */
    public Mono<GraphResponse> error(GraphException ex) {
        ObjectNode body = SandboxJson.object();
        ObjectNode error = body.putObject("error");
        error.put("code", ex.code());
        error.put("message", ex.getMessage());
        error.putObject("innerError")
                .put("date", SandboxJson.seconds(now))
                .put("request-id", requestId)
                .put("client-request-id", clientRequestId);
        HttpHeaders headers = start(MediaType.APPLICATION_JSON);
        ex.headers().forEach(headers::set);
        if (ex.status() == HttpStatus.UNAUTHORIZED) {
            // Graph's challenge points clients at Entra ID with Graph's own app id.
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"\", authorization_uri="
                    + "\"https://login.microsoftonline.com/common/oauth2/authorize\", client_id=\""
                    + MicrosoftGraph.APP_ID + "\"");
        }
        return respond(ex.status(), headers, SandboxJson.write(body));
    }

    /** The correlation headers every Graph response carries, and the Content-Type if there is one. */
    private HttpHeaders start(MediaType contentType) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("request-id", requestId);
        headers.set("client-request-id", clientRequestId);
        if (contentType != null) {
            headers.setContentType(contentType);
        }
        return headers;
    }

    private static Mono<GraphResponse> respond(HttpStatus status, HttpHeaders headers, String body) {
        return Mono.just(new GraphResponse(status, headers, body));
    }
}
