package org.teamsprovisioner.provisioning;

import org.springframework.stereotype.Component;
import org.teamsprovisioner.request.Caller;
import reactor.core.publisher.Mono;

/** The cap on how many of a requester's requests may be on their way (ACCEPTED or PROVISIONING) at once. */
@Component
class RequestsInFlight {

    private final TeamRequestStore store;
    private final int max;

    RequestsInFlight(TeamRequestStore store, InFlightLimit limit) {
        this.store = store;
        this.max = limit.max();
    }

    /** Completes when the caller is below the cap; counts no further than the cap, and not at all when it is off. */
    Mono<Void> admit(Caller caller) {
        if (max == 0) {
            return Mono.empty();
        }
        return store.countInFlight(caller.id(), max)
                .flatMap(count -> count < max ? Mono.<Void>empty() : Mono.error(new TooManyRequestsInFlightException(max)));
    }
}
