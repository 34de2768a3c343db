package org.teamsprovisioner.sandbox.throttling;

import java.time.Duration;
import java.time.Instant;

import org.teamsprovisioner.sandbox.settings.SandboxProperties;

/**
 * One token bucket: it holds at most {@code capacity} requests and refills continuously at
 * {@code capacity} per {@code period}. Microsoft documents Identity and access throttling as a
 * token bucket ("Microsoft Graph service-specific throttling limits"); the sandbox uses the same
 * model for the Teams limits, which Microsoft states only as rates.
 *
 * <p>Time is whatever instant the caller passes (the request's instant from the injected clock),
 * so tests refill a bucket by moving a clock. Not thread-safe: {@link ThrottlePolicy} guards it.
 */
final class TokenBucket {

    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private Instant refilledAt;

    TokenBucket(SandboxProperties.Limit limit, Instant now) {
        this.capacity = limit.requests();
        this.tokensPerNano = limit.requests() / (double) limit.period().toNanos();
        this.tokens = capacity;
        this.refilledAt = now;
    }

    /** Takes one request's token if there is one. */
    boolean tryTake(Instant now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** How long until the bucket holds a whole token again; zero if it does now. */
    Duration untilNextToken(Instant now) {
        refill(now);
        if (tokens >= 1) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1 - tokens) / tokensPerNano));
    }

    private void refill(Instant now) {
        // A clock moved backwards (tests shift the service's clock into the past) refills
        // nothing; the bucket just restarts its count from the earlier instant.
        if (now.isAfter(refilledAt)) {
            long elapsed = Duration.between(refilledAt, now).toNanos();
            tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
        }
        refilledAt = now;
    }
}
