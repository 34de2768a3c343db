package org.teamsprovisioner.provisioning;

/**
 * For stores: another request claimed the same caller's key first (its row exists or is being
 * committed). The submit use case then reads what that request recorded.
 */
public class IdempotencyKeyTakenException extends RuntimeException {

    public IdempotencyKeyTakenException(String caller, String key, Throwable cause) {
        super("Idempotency-Key '" + key + "' of caller " + caller + " is already claimed", cause);
    }
}
