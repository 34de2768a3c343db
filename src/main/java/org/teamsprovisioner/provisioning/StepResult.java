package org.teamsprovisioner.provisioning;

import java.time.Duration;

/**
 * A step's outcome: the request's new state and, unless provisioning is over, when to run the next
 * step; with why it waits, when the wait is Graph's doing rather than a change of the request.
 */
record StepResult(TeamRequest request, Duration runAgainIn, Wait waiting) {

    static StepResult done(TeamRequest request) {
        return new StepResult(request, null, null);
    }

    static StepResult after(TeamRequest request, Duration wait) {
        return new StepResult(request, wait, null);
    }

    /** Graph asked to wait (a 429, an open breaker, a full write rate): the request itself does not change. */
    static StepResult throttled(TeamRequest request, Duration wait, String code) {
        return new StepResult(request, wait, new Wait(Wait.Reason.THROTTLED, code));
    }

    /** Graph does not find the new group yet: it replicates, and the step runs again after {@code wait}. */
    static StepResult awaitingReplication(TeamRequest request, Duration wait) {
        return new StepResult(request, wait, new Wait(Wait.Reason.GROUP_REPLICATING, null));
    }

    boolean isDone() {
        return runAgainIn == null;
    }

    /** @param code Graph's (or the adapter's) code for a throttled wait, such as {@code TooManyRequests}; null otherwise */
    record Wait(Reason reason, String code) {

        enum Reason { THROTTLED, GROUP_REPLICATING }
    }
}
