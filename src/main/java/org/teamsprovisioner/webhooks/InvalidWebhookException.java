package org.teamsprovisioner.webhooks;

/** A subscription's field that cannot be used; {@code field} is its JSON pointer, for the 400 problem. */
public class InvalidWebhookException extends RuntimeException {

    private final String field;

    public InvalidWebhookException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
