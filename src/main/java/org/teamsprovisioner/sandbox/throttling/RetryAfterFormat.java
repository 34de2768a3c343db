package org.teamsprovisioner.sandbox.throttling;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.teamsprovisioner.sandbox.settings.SandboxProperties;

/**
 * Writes a {@code Retry-After} value in one of the forms clients meet in the wild. Every form is
 * rounded up, never down, so a client that waits exactly what the header says is never early.
 */
public final class RetryAfterFormat {

    /**
     * RFC 9110's IMF-fixdate ({@code Sun, 06 Nov 1994 08:49:37 GMT}): a two-digit day, unlike
     * {@link DateTimeFormatter#RFC_1123_DATE_TIME}, which writes {@code 6 Nov}.
     */
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private RetryAfterFormat() {
    }

    /**
     * @param wait how long the client must wait
     * @param now the instant of the response, which an HTTP date counts from
     */
    public static String format(SandboxProperties.RetryAfterForm form, Duration wait, Instant now) {
        return switch (form) {
            // RFC 9110 delay-seconds: a non-negative integer.
            case SECONDS -> Long.toString(seconds(wait).setScale(0, RoundingMode.CEILING).longValueExact());
            // Graph's throttling documentation shows "Retry-After: 2.128"; Dev Proxy sends the same form.
            case DECIMAL_SECONDS -> seconds(wait).setScale(3, RoundingMode.CEILING).stripTrailingZeros().toPlainString();
            case HTTP_DATE -> IMF_FIXDATE.format(ceilToSecond(now.plus(wait)));
        };
    }

    private static BigDecimal seconds(Duration wait) {
        return BigDecimal.valueOf(wait.toNanos(), 9);
    }

    private static Instant ceilToSecond(Instant instant) {
        Instant truncated = instant.truncatedTo(ChronoUnit.SECONDS);
        return truncated.equals(instant) ? instant : truncated.plusSeconds(1);
    }
}
