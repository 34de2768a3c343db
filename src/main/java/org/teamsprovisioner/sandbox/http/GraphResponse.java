package org.teamsprovisioner.sandbox.http;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * A Graph answer before it is written: a top-level call turns it into the HTTP response
 * ({@link #toServerResponse}), a request inside a {@code $batch} into one entry of the batch's
 * {@code responses} ({@code GraphBatch}). Built only by {@link GraphExchange}.
 *
 * @param status the HTTP status
 * @param headers every header, Content-Type included
 * @param body the entity, or {@code null} for none (202 of Create team, 204)
 */
public record GraphResponse(HttpStatus status, HttpHeaders headers, String body) {

    public GraphResponse {
        HttpHeaders copy = new HttpHeaders();
        copy.addAll(headers);
        headers = HttpHeaders.readOnlyHttpHeaders(copy);
    }

    public Mono<ServerResponse> toServerResponse() {
        ServerResponse.BodyBuilder builder = ServerResponse.status(status).headers(target -> target.addAll(headers));
        return body == null ? builder.build() : builder.bodyValue(body);
    }
}
