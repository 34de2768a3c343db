package org.teamsprovisioner.webhooks;

/** The caller lacks the webhooks role: 403, since the API tells it which role to ask for. */
public class WebhookForbiddenException extends RuntimeException {

    public WebhookForbiddenException(String message) {
        super(message);
    }
}
