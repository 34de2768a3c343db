package org.teamsprovisioner.provisioning;

/** Lets the submit path nudge the job workers so a new request starts without waiting for the next poll. */
public interface ProvisioningQueue {

    void wakeUp();
}
