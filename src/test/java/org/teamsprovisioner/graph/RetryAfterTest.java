package org.teamsprovisioner.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void wholeSecondsAreADelay() {
        assertThat(RetryAfter.parse("7", clock)).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void decimalSecondsAreRoundedUpToTheMillisecond() {
        assertThat(RetryAfter.parse("2.1284", clock)).isEqualTo(Duration.ofMillis(2129));
    }

    @Test
    void httpDateIsTheTimeLeftUntilThen() {
        assertThat(RetryAfter.parse("Mon, 23 Nov 2026 10:00:42 GMT", clock)).isEqualTo(Duration.ofSeconds(42));
    }

    @Test
    void httpDateInThePastMeansNoWait() {
        assertThat(RetryAfter.parse("Mon, 23 Nov 2026 09:00:00 GMT", clock)).isZero();
    }

    @Test
    void missingOrUnreadableValuesGiveNoHint() {
        assertThat(RetryAfter.parse(null, clock)).isNull();
        assertThat(RetryAfter.parse("soon", clock)).isNull();
    }
}
