package org.teamsprovisioner.graph;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.util.MultiValueMap;
import reactor.core.publisher.Mono;

/**
 * Entra ID's certificate credentials (Microsoft identity platform, "Certificate credentials"; OpenID Connect's
 * {@code private_key_jwt}, RFC 7523): each token request carries a new JWT signed with the certificate's private key.
 * The header names the certificate by its SHA-256 thumbprint ({@code x5t#S256}, the one the current documentation
 * asks for; the SHA-1 {@code x5t} is deprecated in Nimbus and not needed with it); the claims are {@code aud} = the
 * token endpoint, {@code iss} = {@code sub} = the client id, a random {@code jti}, and {@code nbf} = {@code iat} =
 * now with {@code exp} five minutes later (the documentation: "keep it short - 5-10 minutes after nbf at most").
 */
final class CertificateCredential implements GraphCredential {

    static final Duration LIFETIME = Duration.ofMinutes(5);

    private final String clientId;
    private final String tokenUri;
    private final CertificateCredentialKey key;
    private final JWSAlgorithm algorithm;
    private final Clock clock;

    CertificateCredential(String clientId, String tokenUri, CertificateCredentialKey key,
            GraphCredentialProperties.SigningAlgorithm algorithm, Clock clock) {
        this.clientId = clientId;
        this.tokenUri = tokenUri;
        this.key = key;
        this.algorithm = JWSAlgorithm.parse(algorithm.name());
        this.clock = clock;
    }

    @Override
    public ClientAuthenticationMethod method() {
        return ClientAuthenticationMethod.PRIVATE_KEY_JWT;
    }

    @Override
    public Mono<MultiValueMap<String, String>> parameters() {
        return Mono.fromCallable(() -> GraphCredential.clientAssertion(assertion(clock.instant())));
    }

    private String assertion(Instant now) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm)
                .type(JOSEObjectType.JWT)
                .x509CertSHA256Thumbprint(key.sha256Thumbprint())
                .build(), new JWTClaimsSet.Builder()
                .audience(tokenUri)
                .issuer(clientId)
                .subject(clientId)
                .jwtID(UUID.randomUUID().toString())
                .notBeforeTime(Date.from(now))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .build());
        jwt.sign(new RSASSASigner(key.privateKey()));
        return jwt.serialize();
    }
}
