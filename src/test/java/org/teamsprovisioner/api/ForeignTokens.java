package org.teamsprovisioner.api;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;

/**
 * Real signed JWTs with the sandbox's issuer and audience and everything a caller needs, but signed by
 * a key the test holds, which the service does not trust.
 */
final class ForeignTokens {

    private ForeignTokens() {
    }

    static String signedByUnknownKey(String user) {
        return signed(newKey(), claims(user).build());
    }

    static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("intruder").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a sandbox user token carries, valid for ten minutes. */
    static JWTClaimsSet.Builder claims(String user) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer("https://sandbox.teams-provisioner.invalid/issuer")
                .audience("api://teams-provisioner")
                .subject(user)
                .claim("scp", "TeamRequests.ReadWrite")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)));
    }

    static String signed(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
