package org.teamsprovisioner.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Per-caller rate limits of submit and preview ({@link RateLimitProperties}), kept in this replica's
 * memory: one generic cell rate per caller and operation, updated with a compare-and-set, so a
 * check never waits or parks a thread. Callers quiet for a whole period are forgotten (their bucket
 * would be full again anyway); with several replicas behind a load balancer, each counts alone.
 */
@Component
class CallerRateLimits {

    // Distinct callers remembered per operation; one forgotten early only gets a full bucket again.
    private static final int CALLERS = 100_000;

    enum Operation {
        SUBMIT("submits"), PREVIEW("previews");

        private final String plural;

        Operation(String plural) {
            this.plural = plural;
        }
    }

    private final RateLimitProperties properties;
    private final Cache<String, CellRate> submits;
    private final Cache<String, CellRate> previews;

    CallerRateLimits(RateLimitProperties properties) {
        this.properties = properties;
        this.submits = cache(properties.submit());
        this.previews = cache(properties.preview());
    }

    private static Cache<String, CellRate> cache(RateLimitProperties.Rate rate) {
        return Caffeine.newBuilder().maximumSize(CALLERS).expireAfterAccess(rate.per()).build();
    }

    /** Counts one call of {@code caller}, or refuses it with 429 and when to retry. */
    void admit(Operation operation, String caller) {
        RateLimitProperties.Rate rate = operation == Operation.SUBMIT ? properties.submit() : properties.preview();
        Cache<String, CellRate> cells = operation == Operation.SUBMIT ? submits : previews;
        long now = System.nanoTime();
        long waitNanos = cells.get(caller, key -> new CellRate(rate, now)).take(now);
        if (waitNanos > 0) {
            throw TooManyRequestsException.rate(operation.plural, rate, Duration.ofNanos(waitNanos));
        }
    }

    /**
     * The generic cell rate algorithm: one call every {@code per / requests} on average, and up to
     * {@code requests} at once after a quiet spell. {@code due} is when the next call would be due
     * at the sustained rate; a call may come up to {@code tolerance} ahead of it.
     */
    private static final class CellRate {

        private final long interval;
        private final long tolerance;
        private final AtomicLong due;

        CellRate(RateLimitProperties.Rate rate, long now) {
            this.interval = Math.max(1, rate.per().toNanos() / rate.requests());
            this.tolerance = rate.per().toNanos() - interval;
            this.due = new AtomicLong(now);
        }

        /** @return 0 when the call is admitted, else how long until it would be */
        long take(long now) {
            while (true) {
                long current = due.get();
                long earliest = current - tolerance;
                if (now - earliest < 0) {
                    return earliest - now;
                }
                if (due.compareAndSet(current, Math.max(current, now) + interval)) {
                    return 0;
                }
            }
        }
    }
}
