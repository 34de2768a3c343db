package org.teamsprovisioner.provisioning;

import java.time.Duration;

/** A step's outcome: the request's new state and, unless provisioning is over, when to run the next step. */
record StepResult(TeamRequest request, Duration runAgainIn) {

    static StepResult done(TeamRequest request) {
        return new StepResult(request, null);
    }

    static StepResult after(TeamRequest request, Duration wait) {
        return new StepResult(request, wait);
    }

    boolean isDone() {
        return runAgainIn == null;
    }
}
