package org.teamsprovisioner.sandbox.entra;

import java.security.Key;
import java.time.Clock;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import reactor.core.publisher.Mono;

import org.teamsprovisioner.sandbox.settings.SandboxProperties;

/**
 * Workload identity federation: the client's assertion is a token another identity provider issued
 * (a Kubernetes service account token, projected into the pod), accepted when a federated identity
 * credential of the client names its issuer, its subject and one of its audiences (Microsoft Entra
 * Workload ID, "Workload identity federation"; Graph's federatedIdentityCredential). Checks run in
 * the order Entra's answers show: a matching credential (70021, before any key is fetched, since the
 * credential says which issuer to trust), the issuer's keys found through OpenID Connect discovery
 * (90061), the signature (50027), the lifetime (700024). Unlike a certificate assertion, the same
 * token may be presented again: kubelet hands one token to every request for most of its hour.
 */
final class FederatedAssertions {

    private final FederatedIssuerKeys keys;

    FederatedAssertions(FederatedIssuerKeys keys) {
        this.keys = keys;
    }

    Mono<Void> verify(SandboxProperties.Client client, SignedJWT jwt, JWTClaimsSet claims, Clock clock) {
        String issuer = claims.getIssuer();
        String subject = claims.getSubject();
        List<String> audiences = claims.getAudience();
        boolean trusted = client.federatedCredentials().stream()
                .anyMatch(credential -> credential.issuer().equals(issuer) && credential.subject().equals(subject)
                        && audiences.stream().anyMatch(credential.audiences()::contains));
        if (!trusted) {
            return Mono.error(EntraException.noMatchingFederatedIdentity(issuer, subject, String.join(",", audiences)));
        }
        return keys.of(issuer)
                .doOnNext(published -> {
                    if (!verifies(jwt, published)) {
                        throw EntraException.federatedSignature(issuer);
                    }
                    ClientAssertions.checkLifetime(claims, clock.instant());
                })
                .then();
    }

    /** Only asymmetric signatures: a MAC would need a secret the issuer shares with nobody. */
    private static boolean verifies(SignedJWT jwt, JWKSet published) {
        if (!JWSAlgorithm.Family.SIGNATURE.contains(jwt.getHeader().getAlgorithm())) {
            return false;
        }
        for (JWK candidate : new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader())).select(published)) {
            try {
                Key key = ((AsymmetricJWK) candidate).toPublicKey();
                if (jwt.verify(new DefaultJWSVerifierFactory().createJWSVerifier(jwt.getHeader(), key))) {
                    return true;
                }
            }
            catch (JOSEException | ClassCastException ex) {
                // A key of another type or an unusable one verifies nothing; the next may.
            }
        }
        return false;
    }
}
