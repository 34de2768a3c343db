package org.teamsprovisioner.webhooks;

/** The delivery workers of this replica (webhooks.delivery). */
public interface WebhookQueue {

    /** New deliveries are due: poll now rather than at the next polling interval. */
    void wakeUp();
}
