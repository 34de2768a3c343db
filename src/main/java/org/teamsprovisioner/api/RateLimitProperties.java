package org.teamsprovisioner.api;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.validation.annotation.Validated;

/**
 * What one caller (the token's {@code oid}, else {@code sub}) may ask of this replica: how fast it
 * may submit and preview, and how many of its requests may be on their way at once. Beyond them a
 * call is refused with 429 before it costs a directory lookup or a row.
 *
 * @param submit {@code POST /api/v1/team-requests}
 * @param preview {@code POST /api/v1/team-requests/preview}
 * @param inFlight most of a caller's requests that are ACCEPTED or PROVISIONING at once; a submit
 *     beyond it is refused until some have ended. {@code 0} turns the cap off, and the count with it
 *     (counting stops at the cap, so a huge cap would cost a long count on every submit)
 */
@Validated
@ConfigurationProperties("provisioner.api.rate-limits")
public record RateLimitProperties(
        @NotNull @DefaultValue("300/1m") Rate submit,
        @NotNull @DefaultValue("1200/1m") Rate preview,
        @Min(0) @DefaultValue("500") int inFlight) {

    /**
     * {@code requests/per}, e.g. {@code 300/1m}: a token bucket that holds {@code requests} and
     * refills {@code requests} per {@code per}, so a caller may send a burst of {@code requests}
     * after a quiet spell and {@code requests} per {@code per} on average.
     */
    public record Rate(int requests, Duration per) {

        public Rate {
            if (requests < 1 || per == null || per.isNegative() || per.isZero()) {
                throw new IllegalArgumentException("A rate limit needs at least 1 request per positive period, e.g. 300/1m");
            }
        }

        /** How Spring reads the setting. */
        public static Rate valueOf(String text) {
            String[] parts = text == null ? new String[0] : text.split("/", 2);
            try {
                return new Rate(Integer.parseInt(parts[0].strip()), DurationStyle.detectAndParse(parts[1].strip()));
            } catch (RuntimeException malformed) {
                throw new IllegalArgumentException("'" + text + "' is not a rate limit; write requests/period, e.g. 300/1m", malformed);
            }
        }
    }
}
