package org.teamsprovisioner.graph;

import java.time.Clock;
import java.time.Duration;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import reactor.core.publisher.Mono;

/**
 * The app-only Graph token: one token request at a time for the client registration, however many
 * calls need a token at once (they all wait for the one request), reused until shortly before it
 * expires, and dropped when Graph rejects it. Whatever the credential: each token request gets its
 * client authentication from {@link GraphCredential} (a new certificate assertion, the workload
 * identity token file read again). Spring Security's authorized-client manager would let
 * every concurrent caller that finds no token request its own: a burst of 30 calls made 30 token
 * requests.
 */
final class GraphTokens {

    private final Clock clock;
    private final Duration refreshBefore;
    private final Mono<OAuth2AccessToken> current;
    private volatile String rejected;

    GraphTokens(ReactiveOAuth2AccessTokenResponseClient<OAuth2ClientCredentialsGrantRequest> client, ClientRegistration registration,
            GraphCredential credential, Clock clock, Duration refreshBefore) {
        this.clock = clock;
        this.refreshBefore = refreshBefore;
        // cacheInvalidateIf shares one in-flight request among all subscribers and replays its token;
        // an error is not cached, so the next call asks Entra ID again.
        this.current = Mono.defer(credential::parameters)
                .flatMap(parameters -> client.getTokenResponse(new GraphCredentialGrantRequest(registration, parameters)))
                .map(OAuth2AccessTokenResponse::getAccessToken)
                .onErrorMap(error -> !(error instanceof GraphException), error -> new GraphException(0,
                        GraphTokenFilter.TOKEN_REQUEST_FAILED, "Could not get a Graph token from Entra ID: " + error.getMessage(), null, error))
                .switchIfEmpty(Mono.error(() -> new GraphException(0, GraphTokenFilter.TOKEN_REQUEST_FAILED,
                        "Entra ID issued no Graph token", null, null)))
                .cacheInvalidateIf(this::stale);
    }

    Mono<OAuth2AccessToken> token() {
        return current;
    }

    /** Graph answered 401 to this token (revoked, or signed with a rotated key): the next call gets a new one. */
    void rejected(String tokenValue) {
        rejected = tokenValue;
    }

    private boolean stale(OAuth2AccessToken token) {
        return token.getTokenValue().equals(rejected)
                || (token.getExpiresAt() != null && !clock.instant().isBefore(token.getExpiresAt().minus(refreshBefore)));
    }
}
