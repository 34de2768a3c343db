package org.teamsprovisioner.provisioning;

import java.time.Instant;

/** Lets the use cases nudge the job workers so work starts when it is due, not at the next poll. */
public interface ProvisioningQueue {

    /** New work is due now. */
    void wakeUp();

    /** Work was rescheduled to {@code at}. */
    void wakeUpAt(Instant at);
}
