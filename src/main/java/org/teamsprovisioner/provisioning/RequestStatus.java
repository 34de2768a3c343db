package org.teamsprovisioner.provisioning;

/** Where a team request stands, as portals see it. */
public enum RequestStatus {
    /** Stored; no Graph call has been made yet. */
    ACCEPTED,
    /** Graph is being asked, or is creating the team. */
    PROVISIONING,
    SUCCEEDED,
    FAILED,
    /** Withdrawn by its requester before any Graph call; never provisioned. */
    CANCELLED;

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
