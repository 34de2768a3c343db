package org.teamsprovisioner.webhooks;

/** The change cannot be made in the subscription's or delivery's current state (configured, pending, over the cap): 409. */
public class WebhookConflictException extends RuntimeException {

    public WebhookConflictException(String message) {
        super(message);
    }
}
