package org.teamsprovisioner.graph;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

/**
 * Adds the app-only token to every Graph call. Spring Security's stock filter would key cached
 * tokens by the current user when a call runs inside a user's request; Graph calls here always act
 * as the application, so the token is requested for one fixed principal and cached until it expires.
 */
final class GraphTokenFilter implements ExchangeFilterFunction {

    static final String REGISTRATION_ID = "microsoft-graph";
    static final String PRINCIPAL = "teams-provisioner";
    static final String TOKEN_REQUEST_FAILED = "TokenRequestFailed";

    private final ReactiveOAuth2AuthorizedClientManager clients;
    private final ReactiveOAuth2AuthorizedClientService cache;

    GraphTokenFilter(ReactiveOAuth2AuthorizedClientManager clients, ReactiveOAuth2AuthorizedClientService cache) {
        this.clients = clients;
        this.cache = cache;
    }

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        OAuth2AuthorizeRequest authorize = OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION_ID)
                .principal(PRINCIPAL)
                .build();
        return clients.authorize(authorize)
                .onErrorMap(error -> new GraphException(0, TOKEN_REQUEST_FAILED,
                        "Could not get a Graph token from Entra ID: " + error.getMessage(), null, error))
                .switchIfEmpty(Mono.error(() -> new GraphException(0, TOKEN_REQUEST_FAILED,
                        "Entra ID issued no Graph token", null, null)))
                .flatMap(client -> next.exchange(ClientRequest.from(request)
                        .headers(headers -> headers.setBearerAuth(client.getAccessToken().getTokenValue()))
                        .build()))
                .flatMap(response -> response.statusCode().value() == HttpStatus.UNAUTHORIZED.value()
                        // A revoked or rotated token: forget it so the next call fetches a fresh one.
                        ? cache.removeAuthorizedClient(REGISTRATION_ID, PRINCIPAL).thenReturn(response)
                        : Mono.just(response));
    }
}
