package org.teamsprovisioner.sandbox.entra;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The sandbox's Entra ID: one RSA key pair, generated at startup, that signs every token the
 * sandbox issues and verifies the tokens Graph calls present. Only the public half ever leaves
 * this class (as a {@link JWKSet}), so nothing outside the sandbox can mint tokens.
 */
public final class SandboxIssuer {

    private final RSAKey key;
    private final JWSSigner signer;
    private final JWSVerifier verifier;

    private SandboxIssuer(RSAKey key) throws JOSEException {
        this.key = key;
        this.signer = new RSASSASigner(key);
        this.verifier = new RSASSAVerifier(key.toRSAPublicKey());
    }

    public static SandboxIssuer generate() {
        try {
            return new SandboxIssuer(new RSAKeyGenerator(2048)
                    .keyID("sandbox-" + UUID.randomUUID())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate());
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Cannot generate the sandbox signing key", ex);
        }
    }

    /** The public key only, for the service's resource server. */
    public JWKSet publicJwkSet() {
        return new JWKSet(key.toPublicJWK());
    }

    /**
     * Signs {@code claims} after stamping the lifetime claims. JWT dates have second precision,
     * so {@code now} is truncated the same way the verifier will see it.
     */
    String issue(JWTClaimsSet.Builder claims, Instant now, Duration lifetime) {
        Instant issuedAt = Instant.ofEpochSecond(now.getEpochSecond());
        JWTClaimsSet stamped = claims
                .issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(key.getKeyID())
                .build(), stamped);
        try {
            jwt.sign(signer);
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Cannot sign a sandbox token", ex);
        }
        return jwt.serialize();
    }

    /**
     * Parses {@code token} and returns its claims if this issuer signed it with RS256.
     *
     * @throws ParseException if the token is not a compact JWS
     * @throws SecurityException if the signature does not verify
     */
    JWTClaimsSet verifiedClaims(String token) throws ParseException {
        SignedJWT jwt = SignedJWT.parse(token);
        boolean valid;
        try {
            valid = JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) && jwt.verify(verifier);
        }
        catch (JOSEException ex) {
            valid = false;
        }
        if (!valid) {
            throw new SecurityException("Signature verification failed");
        }
        return jwt.getJWTClaimsSet();
    }
}
