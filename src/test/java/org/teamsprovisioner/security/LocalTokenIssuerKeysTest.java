package org.teamsprovisioner.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The decoder's own refusal, for a start that got past {@link ProdProfileGuard} (which runs only in a
 * SpringApplication): local signing keys are never trusted while prod is active.
 */
class LocalTokenIssuerKeysTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(JwtProperties.class)
    static class LocalIssuer {

        @Bean
        LocalTokenIssuerKeys localKeys() throws Exception {
            JWKSet keys = new JWKSet(new RSAKeyGenerator(2048).keyID("local").generate().toPublicJWK());
            return () -> keys;
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withUserConfiguration(LocalIssuer.class, JwtDecoderConfiguration.class)
            .withPropertyValues("provisioner.security.jwt.issuer-uri=https://sandbox.teams-provisioner.invalid/issuer",
                    "provisioner.security.jwt.audiences=api://teams-provisioner");

    @Test
    void decoderRefusesLocalKeysWhenProdIsActive() {
        contexts.withPropertyValues("spring.profiles.active=prod").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("must not be trusted in the prod profile");
        });
    }

    @Test
    void decoderUsesLocalKeysOutsideProd() {
        contexts.withPropertyValues("spring.profiles.active=sandbox").run(context -> assertThat(context).hasSingleBean(ReactiveJwtDecoder.class));
    }
}
