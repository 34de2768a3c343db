package org.teamsprovisioner.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.teamsprovisioner.support.TestClock;

/** Verified tokens are reused, but every use still checks expiry, and nothing unverified is kept. Real RSA-signed tokens. */
class CachingJwtDecoderTest {

    private static RSAKey key;

    @BeforeAll
    static void generateKey() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("test").generate();
    }

    /** @param expires null for a token without {@code exp} */
    private static String token(RSAKey signer, Instant expires) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).build(),
                new JWTClaimsSet.Builder().subject("portal").expirationTime(expires == null ? null : Date.from(expires)).build());
        jwt.sign(new RSASSASigner(signer));
        return jwt.serialize();
    }

    /** The real Nimbus decoder, counting how often it verifies. */
    private static ReactiveJwtDecoder counting(AtomicInteger verifications) throws Exception {
        ReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
        return token -> {
            verifications.incrementAndGet();
            return nimbus.decode(token);
        };
    }

    @Test
    void tokenUsedAgainIsVerifiedOnce() throws Exception {
        AtomicInteger verifications = new AtomicInteger();
        TestClock clock = TestClock.live();
        CachingJwtDecoder decoder = new CachingJwtDecoder(counting(verifications), 100, Duration.ofMinutes(10), clock);
        String token = token(key, Instant.now().plus(Duration.ofHours(1)));

        for (int i = 0; i < 5; i++) {
            assertThat(decoder.decode(token).block().getSubject()).isEqualTo("portal");
        }

        assertThat(verifications).hasValue(1);
    }

    @Test
    void cachedTokenIsRefusedOnceItHasExpired() throws Exception {
        AtomicInteger verifications = new AtomicInteger();
        TestClock clock = TestClock.live();
        CachingJwtDecoder decoder = new CachingJwtDecoder(counting(verifications), 100, Duration.ofMinutes(10), clock);
        String token = token(key, Instant.now().plus(Duration.ofMinutes(5)));
        decoder.decode(token).block();

        // Past its expiry and the 60 s of clock skew every validator allows.
        clock.advance(Duration.ofMinutes(7));

        assertThatThrownBy(() -> decoder.decode(token).block()).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void tokenWithAForeignSignatureIsRefusedEveryTimeAndNeverKept() throws Exception {
        AtomicInteger verifications = new AtomicInteger();
        CachingJwtDecoder decoder = new CachingJwtDecoder(counting(verifications), 100, Duration.ofMinutes(10), TestClock.live());
        String forged = token(new RSAKeyGenerator(2048).keyID("test").generate(), Instant.now().plus(Duration.ofHours(1)));

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> decoder.decode(forged).block()).isInstanceOf(BadJwtException.class);
        }

        assertThat(verifications).hasValue(3);
    }

    @Test
    void tokenWithoutExpiryIsRefusedEveryTimeAndNeverKept() throws Exception {
        AtomicInteger verifications = new AtomicInteger();
        // Nimbus' own default validator lets a token without exp through: the refusal is the cache's.
        CachingJwtDecoder decoder = new CachingJwtDecoder(counting(verifications), 100, Duration.ofMinutes(10), TestClock.live());
        String neverExpires = token(key, null);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> decoder.decode(neverExpires).block()).isInstanceOf(JwtValidationException.class);
        }

        assertThat(verifications).hasValue(3);
    }
}
