package org.teamsprovisioner.provisioning;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Accepts a validated team request: stores it with its job and returns at once; provisioning runs in a worker. */
@Service
public class SubmitTeamRequest {

    private final TeamRequestStore store;
    private final ProvisioningQueue queue;
    private final Clock clock;

    SubmitTeamRequest(TeamRequestStore store, ProvisioningQueue queue, Clock clock) {
        this.store = store;
        this.queue = queue;
        this.clock = clock;
    }

    public Mono<TeamRequest> submit(NewTeamRequest command) {
        // Microsecond precision is what both PostgreSQL and H2 store; page cursors compare exact values.
        TeamRequest request = TeamRequest.accept(UUID.randomUUID(), command, clock.instant().truncatedTo(ChronoUnit.MICROS));
        return store.create(request).doOnSuccess(stored -> queue.wakeUp());
    }
}
