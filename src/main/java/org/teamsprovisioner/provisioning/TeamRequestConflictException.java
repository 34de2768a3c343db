package org.teamsprovisioner.provisioning;

/**
 * The request cannot be done in the team request's current state: a retry of a request that did not
 * fail, a cancel of one that reached Graph, a repeat of a key whose first request is still being
 * stored, or a change that raced with the provisioning job. The message says which, for the caller.
 */
public class TeamRequestConflictException extends RuntimeException {

    public TeamRequestConflictException(String message) {
        super(message);
    }

    public TeamRequestConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
