package org.teamsprovisioner.provisioning;

/** The caller reused an {@code Idempotency-Key} with a different request body (the draft's 422). */
public class IdempotencyKeyMismatchException extends RuntimeException {

    public IdempotencyKeyMismatchException(String key) {
        super("Idempotency-Key '" + key + "' was already used with a different request payload; "
                + "use a new key for a different request.");
    }
}
