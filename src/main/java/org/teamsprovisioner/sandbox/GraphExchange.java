package org.teamsprovisioner.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.node.ObjectNode;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * One Graph request/response pair: its ids, its instant, and the only place Graph responses
 * are built, so that every response (success or error) carries Graph's correlation headers.
 *
 * <p>Graph answers {@code request-id} on every response and {@code client-request-id} echoing
 * the caller's header; when the caller sent none, Graph reuses the request id, and so does the
 * sandbox.
 */
final class GraphExchange {

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

    static GraphExchange begin(ServerRequest request, String version, Clock clock) {
        return new GraphExchange(request.headers().firstHeader("client-request-id"), version, clock.instant());
    }

    /** The instant the request arrived; every decision of this request uses it. */
    Instant now() {
        return now;
    }

    /** {@code v1.0} or {@code beta}, as in the request path. */
    String version() {
        return version;
    }

    Mono<ServerResponse> ok(ObjectNode body) {
        return start(HttpStatus.OK).contentType(ODATA_JSON).bodyValue(SandboxJson.write(body));
    }

    /** Any status with an entity body, e.g. members/add's 207 Multi-Status. */
    Mono<ServerResponse> json(HttpStatus status, ObjectNode body) {
        return start(status).contentType(ODATA_JSON).bodyValue(SandboxJson.write(body));
    }

    /** Create group's 201: the new entity and where it lives. */
    Mono<ServerResponse> created(String location, ObjectNode body) {
        return start(HttpStatus.CREATED).contentType(ODATA_JSON).header(HttpHeaders.LOCATION, location)
                .bodyValue(SandboxJson.write(body));
    }

    /** Delete's 204, without a body. */
    Mono<ServerResponse> noContent() {
        return start(HttpStatus.NO_CONTENT).build();
    }

    /**
     * Create team's 202: relative OData-key URLs and an empty body. The documented response
     * still says {@code Content-Type: application/json} with {@code Content-Length: 0}, so
     * clients must not try to decode it; the sandbox reproduces that trap on purpose.
     */
    Mono<ServerResponse> accepted(String location, String contentLocation) {
        return start(HttpStatus.ACCEPTED)
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.LOCATION, location)
                .header(HttpHeaders.CONTENT_LOCATION, contentLocation)
                .header(HttpHeaders.CONTENT_LENGTH, "0")
                .build();
    }

    /** Graph's error body: {@code {"error":{"code","message","innerError":{...}}}}. */
    Mono<ServerResponse> error(GraphException ex) {
        ObjectNode body = SandboxJson.object();
        ObjectNode error = body.putObject("error");
        error.put("code", ex.code());
        error.put("message", ex.getMessage());
        error.putObject("innerError")
                .put("date", SandboxJson.seconds(now))
                .put("request-id", requestId)
                .put("client-request-id", clientRequestId);
        ServerResponse.BodyBuilder builder = start(ex.status()).contentType(MediaType.APPLICATION_JSON);
        ex.headers().forEach(builder::header);
        if (ex.status() == HttpStatus.UNAUTHORIZED) {
            // Graph's challenge points clients at Entra ID with Graph's own app id.
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"\", authorization_uri="
                    + "\"https://login.microsoftonline.com/common/oauth2/authorize\", client_id=\""
                    + EntraTokenHandler.GRAPH_APP_ID + "\"");
        }
        return builder.bodyValue(SandboxJson.write(body));
    }

    private ServerResponse.BodyBuilder start(HttpStatus status) {
        return ServerResponse.status(status)
                .header("request-id", requestId)
                .header("client-request-id", clientRequestId);
    }
}
