package org.teamsprovisioner.support;

import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A Kubernetes cluster's service account token issuer, as an AKS cluster with its OIDC issuer
 * enabled publishes it: the discovery document at {@code {issuer}.well-known/openid-configuration}
 * and the keys at {@code {issuer}openid/v1/jwks}, over real HTTP; and the tokens kubelet projects
 * into a pod for Azure AD workload identity (RS256, {@code kid}, {@code aud} api://AzureADTokenExchange,
 * {@code sub} system:serviceaccount:{namespace}:{name}, the kubernetes.io claim, no {@code jti}).
 */
public final class KubernetesIssuer implements AutoCloseable {

    public static final String TOKEN_EXCHANGE_AUDIENCE = "api://AzureADTokenExchange";

    private final KeyPair key = TestCertificates.rsa();
    private final KeyPair unpublished = TestCertificates.rsa();
    private final String keyId = UUID.randomUUID().toString();
    private final DisposableServer server;
    private final String issuer;

    public KubernetesIssuer() {
        int port = FreePort.find();
        String path = "/" + UUID.randomUUID() + "/" + UUID.randomUUID() + "/";
        // AKS issuers end with a slash, and federated credentials must repeat it exactly.
        this.issuer = "http://127.0.0.1:" + port + path;
        String discovery = discovery(issuer);
        String jwks = jwks();
        this.server = HttpServer.create().host("127.0.0.1").port(port)
                .route(routes -> routes
                        .get(path + ".well-known/openid-configuration", (request, response) -> response
                                .header("Content-Type", "application/json").sendString(Mono.just(discovery)))
                        .get(path + "openid/v1/jwks", (request, response) -> response
                                .header("Content-Type", "application/jwk-set+json").sendString(Mono.just(jwks))))
                .bindNow();
    }

    public String issuer() {
        return issuer;
    }

    public String subject(String namespace, String serviceAccount) {
        return "system:serviceaccount:" + namespace + ":" + serviceAccount;
    }

    /** A token as kubelet projects it for the workload identity webhook: an hour long. */
    public String serviceAccountToken(String namespace, String serviceAccount, Instant issuedAt) {
        return sign(claims(namespace, serviceAccount, issuedAt, Duration.ofHours(1)));
    }

    public JWTClaimsSet.Builder claims(String namespace, String serviceAccount, Instant issuedAt, Duration lifetime) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject(namespace, serviceAccount))
                .audience(TOKEN_EXCHANGE_AUDIENCE)
                .issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(lifetime)))
                .claim("kubernetes.io", Map.of("namespace", namespace,
                        "serviceaccount", Map.of("name", serviceAccount, "uid", UUID.randomUUID().toString()),
                        "pod", Map.of("name", serviceAccount + "-7d9f8c6b5-x2x4z", "uid", UUID.randomUUID().toString())));
    }

    public String sign(JWTClaimsSet.Builder claims) {
        return sign(claims, key);
    }

    /** Signed with a key this issuer does not publish, under the published key's id: a forgery. */
    public String signWithUnpublishedKey(JWTClaimsSet.Builder claims) {
        return sign(claims, unpublished);
    }

    private String sign(JWTClaimsSet.Builder claims, KeyPair signer) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(keyId).build(),
                    claims.build());
            jwt.sign(new RSASSASigner(signer.getPrivate()));
            return jwt.serialize();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String discovery(String issuer) {
        return """
                {"issuer":"%s","jwks_uri":"%sopenid/v1/jwks","response_types_supported":["id_token"],\
                "subject_types_supported":["public"],"id_token_signing_alg_values_supported":["RS256"]}"""
                .formatted(issuer, issuer);
    }

    private String jwks() {
        return new JWKSet(new RSAKey.Builder((RSAPublicKey) key.getPublic()).keyID(keyId).keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256).build()).toString();
    }

    /** Stops serving the discovery document and keys, as an issuer Entra cannot reach. */
    @Override
    public void close() {
        server.disposeNow();
    }
}
