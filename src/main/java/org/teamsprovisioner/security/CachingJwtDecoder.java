package org.teamsprovisioner.security;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers tokens it has verified. A portal sends the same bearer token with every call for the
 * token's lifetime, and parsing it and checking its RSA signature again each time was a large part of
 * a read's cost. The cache key is the whole token, signature included, so an altered token is a new
 * key and fully verified; only tokens that passed every check are kept, and the time checks
 * ({@code exp}, {@code nbf}) run again on every use, so a token stops working at its expiry as before.
 * A token without {@code exp} is refused here too, whatever the verifying decoder allows: it would
 * otherwise be valid forever, and it is never kept.
 */
final class CachingJwtDecoder implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder verifying;
    private final OAuth2TokenValidator<Jwt> timestamps;
    private final AsyncCache<String, Jwt> verified;

    CachingJwtDecoder(ReactiveJwtDecoder verifying, int maxTokens, Duration maxAge, Clock clock) {
        this.verifying = verifying;
        JwtTimestampValidator timestampValidator = new JwtTimestampValidator();
        timestampValidator.setAllowEmptyExpiryClaim(false);
        timestampValidator.setClock(clock);
        this.timestamps = timestampValidator;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maxTokens)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> keptFor(jwt, maxAge, clock)))
                .buildAsync();
    }

    private static Duration keptFor(Jwt jwt, Duration maxAge, Clock clock) {
        Instant expires = jwt.getExpiresAt();
        if (expires == null) {
            return Duration.ZERO; // never loaded (see decode); kept for no time if it were
        }
        Duration left = Duration.between(clock.instant(), expires);
        return left.isNegative() ? Duration.ZERO : left.compareTo(maxAge) < 0 ? left : maxAge;
    }

    @Override
    public Mono<Jwt> decode(String token) throws JwtException {
        // A failed load is not cached, so a token refused by validate() is verified again (and refused) on every use.
        return Mono.fromFuture(() -> verified.get(token, (key, executor) -> verifying.decode(key).flatMap(this::validate).toFuture()))
                .flatMap(this::validate);
    }

    private Mono<Jwt> validate(Jwt jwt) {
        OAuth2TokenValidatorResult result = timestamps.validate(jwt);
        return result.hasErrors()
                ? Mono.error(new JwtValidationException("The token has no expiry, is expired or is not yet valid", result.getErrors()))
                : Mono.just(jwt);
    }
}
