package org.teamsprovisioner.provisioning;

/**
 * Who acts on a team request (retry, cancel).
 *
 * @param id the caller's stable id; a requester may act on their own requests
 * @param managesAll holds the app role that may act on every request (the service desk)
 */
public record Actor(String id, boolean managesAll) {

    public Actor {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id is required");
        }
    }

    boolean mayActOn(TeamRequest request) {
        return managesAll || request.requester().equals(id);
    }
}
