package org.teamsprovisioner.api;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.teamsprovisioner.support.PostgresDatabase;
import org.teamsprovisioner.support.RunningService;

/**
 * A {@link JWKSet} bean, as a library or a test may contribute one, does not make the API trust its
 * keys: local signing keys reach the decoder only as the sandbox's own LocalTokenIssuerKeys.
 */
class JwkSetBeanIsNotATrustedIssuerTest {

    private static final RSAKey KEY = ForeignTokens.newKey();

    @Configuration(proxyBeanMethods = false)
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

        try (RunningService service = RunningService.start(PostgresDatabase.fresh(), Map.of(),
                new Class<?>[] {SomeoneElsesKeys.class}, "sandbox", "test")) {
            service.http().get().uri("/api/v1/team-requests").headers(h -> h.setBearerAuth(token)).exchange()
                    .expectStatus().isUnauthorized();
            service.http().get().uri("/api/v1/team-requests").headers(h -> h.setBearerAuth(service.tokenFor("alice@contoso.com")))
                    .exchange().expectStatus().isOk();
        }
    }
}
