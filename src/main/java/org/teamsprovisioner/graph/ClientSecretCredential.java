package org.teamsprovisioner.graph;

import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import reactor.core.publisher.Mono;

/** The registration's secret, which Spring Security's token client sends itself. */
final class ClientSecretCredential implements GraphCredential {

    @Override
    public ClientAuthenticationMethod method() {
        // Entra ID's documented form for the client-credentials grant: the secret in the body.
        return ClientAuthenticationMethod.CLIENT_SECRET_POST;
    }

    @Override
    public Mono<MultiValueMap<String, String>> parameters() {
        return Mono.just(new LinkedMultiValueMap<>());
    }
}
