package org.teamsprovisioner.sandbox.entra;

import java.time.Duration;
import java.time.Instant;

import com.nimbusds.jwt.JWTClaimsSet;

/**
 * Tokens that a sandbox issuer signs with claims of a test's choosing, for tests outside this
 * package: a Graph token for another app or tenant, which the token endpoint would never issue.
 * Minting stays package-private in {@link SandboxIssuer} so that no code of the service can do it.
 */
public final class TestTokens {

    private TestTokens() {
    }

    public static String signed(SandboxIssuer issuer, JWTClaimsSet.Builder claims, Instant now, Duration lifetime) {
        return issuer.issue(claims, now, lifetime);
    }
}
