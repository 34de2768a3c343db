package org.teamsprovisioner.graph;

import java.time.Duration;
import org.springframework.boot.convert.DurationStyle;

/**
 * At most {@code requests} calls in any {@code period}, written {@code requests/period} as in
 * Microsoft's throttling tables ({@code 10/1s}, {@code 3500/10s}). Paced as a generic cell rate:
 * one call every {@link #interval()}, with bursts of up to {@code requests} after a quiet period.
 */
public record CallRate(int requests, Duration period) {

    public CallRate {
        if (requests < 1 || period == null || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("A call rate needs at least 1 request per positive period, e.g. 10/1s");
        }
    }

    /** Spring converts settings such as {@code 10/1s} with this. */
    public static CallRate valueOf(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash < 1) {
            throw new IllegalArgumentException("'" + text + "' is not a call rate; write requests/period, e.g. 10/1s");
        }
        try {
            return new CallRate(Integer.parseInt(text.substring(0, slash).strip()),
                    DurationStyle.detectAndParse(text.substring(slash + 1).strip()));
        } catch (IllegalArgumentException notARate) {
            throw new IllegalArgumentException("'" + text + "' is not a call rate; write requests/period, e.g. 10/1s", notARate);
        }
    }

    /** Time between two calls at the sustained rate. */
    Duration interval() {
        return period.dividedBy(requests);
    }

    /** How far ahead of its slot a call may go: what lets a burst of {@code requests} through after a quiet period. */
    Duration burstTolerance() {
        return period.minus(interval());
    }

    @Override
    public String toString() {
        return requests + "/" + period;
    }
}
