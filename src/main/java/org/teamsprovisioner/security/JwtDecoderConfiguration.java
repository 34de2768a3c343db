package org.teamsprovisioner.security;

import com.nimbusds.jose.jwk.JWKSet;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Flux;

/**
 * One decoder for every profile: only the source of signing keys differs. The sandbox contributes its
 * issuer's keys as {@link LocalTokenIssuerKeys} (never in prod); otherwise keys come from the JWK set
 * URI or the issuer's discovery document. Issuer, expiry and audience are validated the same way
 * everywhere.
 */
@Configuration(proxyBeanMethods = false)
class JwtDecoderConfiguration {

    // Distinct tokens remembered: a portal reuses its token for its lifetime; a user's token for their session.
    private static final int CACHED_TOKENS = 2000;
    private static final Duration CACHED_AT_MOST = Duration.ofMinutes(10);

    @Bean
    ReactiveJwtDecoder jwtDecoder(JwtProperties properties, ObjectProvider<LocalTokenIssuerKeys> localIssuer,
            Environment environment, Clock clock) {
        LocalTokenIssuerKeys local = localIssuer.getIfAvailable();
        NimbusReactiveJwtDecoder decoder;
        if (local != null) {
            if (environment.matchesProfiles(ProdProfileGuard.PROD)) {
                // ProdProfileGuard stops such a start earlier; this holds even if the guard is bypassed.
                throw new IllegalStateException("A local token issuer (" + local.getClass().getName()
                        + ") must not be trusted in the prod profile: callers' tokens come from Entra ID there.");
            }
            JWKSet keys = local.publicKeys();
            decoder = NimbusReactiveJwtDecoder.withJwkSource(jwt -> Flux.fromIterable(keys.getKeys())).build();
        } else if (properties.jwkSetUri() != null) {
            decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri().toString()).build();
        } else {
            decoder = NimbusReactiveJwtDecoder.withIssuerLocation(properties.issuerUri()).build();
        }
        decoder.setJwtValidator(validator(properties));
        return new CachingJwtDecoder(decoder, CACHED_TOKENS, CACHED_AT_MOST, clock);
    }

    static OAuth2TokenValidator<Jwt> validator(JwtProperties properties) {
        List<String> accepted = properties.audiences();
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                aud -> aud != null && aud.stream().anyMatch(accepted::contains));
        // Spring's default timestamp check lets a token without exp through: such a token never expires.
        // Entra ID always sets exp (and nbf); nbf stays optional but is checked when present.
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setAllowEmptyExpiryClaim(false);
        return JwtValidators.createDefaultWithValidators(timestamps, new JwtIssuerValidator(properties.issuerUri()), audience);
    }
}
