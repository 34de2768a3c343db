package org.teamsprovisioner.provisioning;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ConcurrentModificationException;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.teamsprovisioner.request.Caller;
import reactor.core.publisher.Mono;

/**
 * Puts a FAILED request back to work at the step that failed (or at the start when Graph's own
 * creation failed or nothing reached Graph), with a new job stored in the same transaction.
 */
@Service
public class RetryTeamRequest {

    private final TeamRequestStore store;
    private final ProvisioningQueue queue;
    private final Clock clock;
    private final ProvisioningProperties properties;

    RetryTeamRequest(TeamRequestStore store, ProvisioningQueue queue, Clock clock, ProvisioningProperties properties) {
        this.store = store;
        this.queue = queue;
        this.clock = clock;
        this.properties = properties;
    }

    /** Empty when the request does not exist or the actor may not act on it: the caller cannot tell which. */
    public Mono<TeamRequest> retry(UUID id, Caller actor) {
        return store.find(id)
                .filter(request -> actor.mayActOn(request.requester()))
                .flatMap(request -> {
                    if (request.status() != RequestStatus.FAILED) {
                        return Mono.error(new TeamRequestConflictException("Team request " + id + " is " + request.status()
                                + "; only FAILED requests can be retried."));
                    }
                    TeamRequest retried = request.retried(clock.instant().truncatedTo(ChronoUnit.MICROS), properties.deadline());
                    return store.reopen(retried, RequestEvents.retried(retried, actor));
                })
                .onErrorMap(ConcurrentModificationException.class, changed -> new TeamRequestConflictException(
                        "Team request " + id + " changed while it was being retried; read it again.", changed))
                .doOnSuccess(retried -> {
                    if (retried != null) {
                        queue.wakeUp();
                    }
                });
    }
}
