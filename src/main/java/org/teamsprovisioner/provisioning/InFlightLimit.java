package org.teamsprovisioner.provisioning;

/**
 * @param max most of one requester's requests that may be ACCEPTED or PROVISIONING at once; {@code 0}
 *     turns the cap off, and the count with it (counting stops at the cap, so a huge cap would cost
 *     a long count on every submit)
 */
public record InFlightLimit(int max) {

    public InFlightLimit {
        if (max < 0) {
            throw new IllegalArgumentException("max must be 0 (off) or more");
        }
    }
}
