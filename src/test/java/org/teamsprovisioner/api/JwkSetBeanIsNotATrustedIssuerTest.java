package org.teamsprovisioner.api;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.teamsprovisioner.support.SandboxH2Test;

/**
 * A {@link JWKSet} bean, as a library or a test may contribute one, does not make the API trust its
 * keys: local signing keys reach the decoder only as the sandbox's own LocalTokenIssuerKeys.
 */
@Import(JwkSetBeanIsNotATrustedIssuerTest.SomeoneElsesKeys.class)
class JwkSetBeanIsNotATrustedIssuerTest extends SandboxH2Test {

    private static final RSAKey KEY = ForeignTokens.newKey();

    @TestConfiguration(proxyBeanMethods = false)
    static class SomeoneElsesKeys {

        // Primary, so that a decoder asking for "the" JWKSet would pick it over any other.
        @Bean
        @Primary
        JWKSet someoneElsesKeys() {
            return new JWKSet(KEY.toPublicJWK());
        }
    }

    @Test
    void tokenSignedByTheKeyOfAJwkSetBeanIsUnauthorizedWhileSandboxTokensStillWork() {
        String token = ForeignTokens.signed(KEY, ForeignTokens.claims("mallory@contoso.com").build());

        http().get().uri("/api/v1/team-requests").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isUnauthorized();
        http().get().uri("/api/v1/team-requests").headers(h -> h.setBearerAuth(tokenFor("alice@contoso.com"))).exchange()
                .expectStatus().isOk();
    }
}
