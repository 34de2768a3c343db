package org.teamsprovisioner.sandbox.throttling;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.teamsprovisioner.sandbox.settings.SandboxProperties;

import static org.assertj.core.api.Assertions.assertThat;

/** Every Retry-After form rounds up, so a client that waits what it is told is never early. */
class SandboxRetryAfterFormatTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00.250Z");

    @ParameterizedTest(name = "{0} for {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            SECONDS         | PT2S           | 2
            SECONDS         | PT2.128S       | 3
            SECONDS         | PT0.001S       | 1
            SECONDS         | PT30S          | 30
            DECIMAL_SECONDS | PT2.128S       | 2.128
            DECIMAL_SECONDS | PT2S           | 2
            DECIMAL_SECONDS | PT10S          | 10
            DECIMAL_SECONDS | PT2.1280001S   | 2.129
            DECIMAL_SECONDS | PT0.5S         | 0.5
            HTTP_DATE       | PT2S           | Mon, 02 Mar 2026 09:00:03 GMT
            HTTP_DATE       | PT1.75S        | Mon, 02 Mar 2026 09:00:02 GMT
            HTTP_DATE       | PT24H          | Tue, 03 Mar 2026 09:00:01 GMT
            """)
    void formatsTheWaitRoundedUp(SandboxProperties.RetryAfterForm form, Duration wait, String expected) {
        assertThat(RetryAfterFormat.format(form, wait, NOW)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-03-09T08:59:59Z | Mon, 09 Mar 2026 09:00:01 GMT",
            "2026-12-31T23:59:58Z | Fri, 01 Jan 2027 00:00:00 GMT"})
    void httpDateFromAWholeSecondNeedsNoRounding(Instant now, String expected) {
        assertThat(RetryAfterFormat.format(SandboxProperties.RetryAfterForm.HTTP_DATE, Duration.ofSeconds(2), now))
                .isEqualTo(expected);
    }
}
