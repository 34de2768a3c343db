package org.teamsprovisioner.provisioning;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ConcurrentModificationException;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.teamsprovisioner.request.Caller;
import reactor.core.publisher.Mono;

/**
 * Withdraws a request that has not reached Graph yet: it becomes CANCELLED and its job is deleted.
 * Once a worker has picked the job, a Graph call may be under way, and the request can no longer be
 * cancelled (a team half-created behind a CANCELLED request would be worse than a 409).
 */
@Service
public class CancelTeamRequest {

    private final TeamRequestStore store;
    private final Clock clock;

    CancelTeamRequest(TeamRequestStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Empty when the request does not exist or the actor may not act on it: the caller cannot tell which. */
    public Mono<TeamRequest> cancel(UUID id, Caller actor) {
        return store.find(id)
                .filter(request -> actor.mayActOn(request.requester()))
                .flatMap(request -> {
                    if (!request.isUntouched()) {
                        return Mono.error(new TeamRequestConflictException("Team request " + id + " is " + request.status()
                                + (request.status() == RequestStatus.ACCEPTED ? " and its creation was already sent to Graph" : "")
                                + "; only requests that have not reached Graph yet can be cancelled."));
                    }
                    TeamRequest cancelled = request.cancelled(clock.instant().truncatedTo(ChronoUnit.MICROS));
                    return store.cancel(cancelled, RequestEvents.cancelled(cancelled, actor));
                })
                .onErrorMap(ConcurrentModificationException.class, changed -> new TeamRequestConflictException(
                        "Team request " + id + " changed while it was being cancelled (provisioning has started).", changed));
    }
}
