package org.teamsprovisioner.sandbox.entra;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code GET /sandbox/login/{tenant}/discovery/v2.0/keys}: the signing keys, at Entra ID's JWKS path.
 * A service instance that shares a standalone simulator (profile {@code graph-simulator}) instead
 * of running its own validates the simulator's user tokens with these
 * ({@code provisioner.security.jwt.jwk-set-uri}), exactly as it would Entra ID's.
 */
public final class EntraKeysHandler {

    private final SandboxIssuer issuer;

    public EntraKeysHandler(SandboxIssuer issuer) {
        this.issuer = issuer;
    }

    public Mono<ServerResponse> keys(ServerRequest request) {
        return ServerResponse.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(issuer.publicJwkSet().toString());
    }
}
