package org.teamsprovisioner.sandbox.entra;

import java.text.ParseException;
import java.time.Duration;

import com.nimbusds.jose.jwk.JWKSet;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.web.reactive.function.client.WebClient;
import org.teamsprovisioner.sandbox.http.SandboxJson;

/**
 * The signing keys an external issuer publishes, found as Entra ID finds them for a federated
 * credential: the issuer's OpenID Connect discovery document at
 * {@code {issuer}/.well-known/openid-configuration} (an AKS cluster's OIDC issuer, or any Kubernetes
 * API server with service account issuer discovery), whose {@code issuer} must be the issuer itself,
 * then the JWK set at its {@code jwks_uri}. Fetched for every federated assertion, so a rotated key
 * is seen at once; Entra caches them, which the sandbox has no reason to imitate. Any failure is
 * Entra's 90061.
 */
final class FederatedIssuerKeys {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final WebClient web = WebClient.create();

    Mono<JWKSet> of(String issuer) {
        // OpenID Connect Discovery 1.0, 4: a trailing slash of the issuer is removed before the path is appended.
        String root = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        return fetch(root + "/.well-known/openid-configuration")
                .map(SandboxJson::read)
                .flatMap(discovery -> {
                    JsonNode jwksUri = discovery.get("jwks_uri");
                    JsonNode named = discovery.get("issuer");
                    if (jwksUri == null || named == null || !issuer.equals(named.asString())) {
                        return Mono.error(EntraException.externalOidcEndpointFailed());
                    }
                    return fetch(jwksUri.asString());
                })
                .map(FederatedIssuerKeys::parse)
                .onErrorMap(error -> !(error instanceof EntraException), error -> EntraException.externalOidcEndpointFailed());
    }

    private Mono<String> fetch(String url) {
        return web.get().uri(url).retrieve().bodyToMono(String.class).timeout(TIMEOUT);
    }

    private static JWKSet parse(String json) {
        try {
            return JWKSet.parse(json);
        }
        catch (ParseException ex) {
            throw EntraException.externalOidcEndpointFailed();
        }
    }
}
