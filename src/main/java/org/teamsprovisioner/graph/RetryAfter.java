package org.teamsprovisioner.graph;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Parses a {@code Retry-After} header. RFC 9110 allows delay-seconds or an HTTP date; Graph and
 * its proxies have also been seen sending decimal seconds such as {@code 2.128}, so those are
 * rounded up rather than rejected.
 */
final class RetryAfter {

    private RetryAfter() {
    }

    static Duration parse(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        try {
            BigDecimal seconds = new BigDecimal(trimmed);
            long millis = seconds.movePointRight(3).setScale(0, java.math.RoundingMode.CEILING).longValueExact();
            return Duration.ofMillis(Math.max(0, millis));
        } catch (NumberFormatException | ArithmeticException notANumber) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), at.toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
