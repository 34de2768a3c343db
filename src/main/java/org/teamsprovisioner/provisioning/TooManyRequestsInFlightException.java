package org.teamsprovisioner.provisioning;

import java.time.Duration;

/** The requester is at its cap of requests in flight; nothing was stored. */
public class TooManyRequestsInFlightException extends RuntimeException {

    // A team takes about half a minute in Graph (Microsoft: "wait >30 seconds between checks" of its operation).
    private static final Duration ONE_TEAM = Duration.ofSeconds(30);

    private final int limit;

    TooManyRequestsInFlightException(int limit) {
        super("The requester already has " + limit + " team requests in flight");
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }

    /** When a slot is likely to be free again. */
    public Duration retryAfter() {
        return ONE_TEAM;
    }
}
