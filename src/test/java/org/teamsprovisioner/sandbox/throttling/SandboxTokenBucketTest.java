package org.teamsprovisioner.sandbox.throttling;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.teamsprovisioner.sandbox.settings.SandboxProperties;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxTokenBucketTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private static TokenBucket emptied(String limit) {
        TokenBucket bucket = new TokenBucket(SandboxProperties.Limit.valueOf(limit), T0);
        while (bucket.tryTake(T0)) {
            // drain it
        }
        return bucket;
    }

    @Test
    void fullBucketAllowsExactlyItsCapacityAtOneInstant() {
        TokenBucket bucket = new TokenBucket(SandboxProperties.Limit.valueOf("3/1s"), T0);

        assertThat(bucket.tryTake(T0)).isTrue();
        assertThat(bucket.tryTake(T0)).isTrue();
        assertThat(bucket.tryTake(T0)).isTrue();
        assertThat(bucket.tryTake(T0)).isFalse();
    }

    @Test
    void emptyBucketSaysHowLongUntilItsNextToken() {
        TokenBucket bucket = emptied("3/1s");

        assertThat(bucket.untilNextToken(T0)).isEqualTo(Duration.ofNanos(333_333_334));
        assertThat(bucket.untilNextToken(T0.plusMillis(300))).isEqualTo(Duration.ofNanos(33_333_334));
        assertThat(bucket.untilNextToken(T0.plusMillis(334))).isZero();
    }

    @Test
    void bucketRefillsContinuously() {
        TokenBucket bucket = emptied("10/10s");

        assertThat(bucket.tryTake(T0.plusMillis(999))).isFalse();
        assertThat(bucket.tryTake(T0.plusMillis(1000))).isTrue();
        assertThat(bucket.tryTake(T0.plusMillis(1000))).isFalse();
    }

    @Test
    void clockMovedBackwardsRefillsNothingAndBreaksNothing() {
        TokenBucket bucket = emptied("1/1s");

        assertThat(bucket.tryTake(T0.minus(Duration.ofHours(2)))).isFalse();
        assertThat(bucket.untilNextToken(T0.minus(Duration.ofHours(2)))).isEqualTo(Duration.ofSeconds(1));
        assertThat(bucket.tryTake(T0.minus(Duration.ofHours(2)).plusSeconds(1))).isTrue();
    }
}
