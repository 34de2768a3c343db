package org.teamsprovisioner.graph;

import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

/** Adds the app-only token to every Graph call; Graph calls here always act as the application. */
final class GraphTokenFilter implements ExchangeFilterFunction {

    static final String REGISTRATION_ID = "microsoft-graph";
    static final String TOKEN_REQUEST_FAILED = "TokenRequestFailed";

    private final GraphTokens tokens;

    GraphTokenFilter(GraphTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        return tokens.token().flatMap(token -> next.exchange(ClientRequest.from(request)
                        .headers(headers -> headers.setBearerAuth(token.getTokenValue()))
                        .build())
                .doOnNext(response -> {
                    if (response.statusCode().value() == HttpStatus.UNAUTHORIZED.value()) {
                        tokens.rejected(token.getTokenValue());
                    }
                }));
    }
}
