package org.teamsprovisioner.provisioning;

import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** How many of a requester's requests are on their way (ACCEPTED or PROVISIONING), for a cap on them. */
@Service
public class RequestsInFlight {

    private final TeamRequestStore store;

    RequestsInFlight(TeamRequestStore store) {
        this.store = store;
    }

    /** Whether {@code requester} has fewer than {@code limit} requests in flight; counts no further than {@code limit}. */
    public Mono<Boolean> below(String requester, int limit) {
        return store.countInFlight(requester, limit).map(count -> count < limit);
    }
}
