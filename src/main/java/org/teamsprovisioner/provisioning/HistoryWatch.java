package org.teamsprovisioner.provisioning;

import java.util.UUID;
import reactor.core.publisher.Flux;

/**
 * Tells those following a request's history when it may have grown, whichever replica appended to
 * it. Implemented in {@code provisioning.store}: one read per interval for every request this
 * replica's followers watch, not one per follower, and at once for what this replica appends.
 */
public interface HistoryWatch {

    /**
     * While subscribed: the id of the request's newest event each time it is seen, at least once per
     * interval while the request has events, and {@link Long#MAX_VALUE} when this replica appended to it
     * (the id is not known then). Followers read the events after the last one they have when the
     * value is greater. Never completes; never fails (a failed read is retried at the next interval).
     */
    Flux<Long> newestEventIds(UUID requestId);
}
