package org.teamsprovisioner.provisioning;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Accepts a validated team request: stores it with its job and returns at once; provisioning runs in a worker. */
@Service
public class SubmitTeamRequest {

    private static final Logger log = LoggerFactory.getLogger(SubmitTeamRequest.class);

    private final TeamRequestStore store;
    private final ProvisioningQueue queue;
    private final Clock clock;
    private final IdempotencyKeyStore keys;
    private final IdempotencyProperties idempotency;
    private final ProvisioningProperties provisioning;
    private final CallPacing pacing;

    SubmitTeamRequest(TeamRequestStore store, ProvisioningQueue queue, Clock clock, IdempotencyKeyStore keys,
            IdempotencyProperties idempotency, ProvisioningProperties provisioning, CallPacing pacing) {
        this.store = store;
        this.queue = queue;
        this.clock = clock;
        this.keys = keys;
        this.idempotency = idempotency;
        this.provisioning = provisioning;
        this.pacing = pacing;
    }

    public Mono<TeamRequest> submit(NewTeamRequest command) {
        // Microsecond precision is what both PostgreSQL and H2 store; page cursors compare exact values.
        TeamRequest request = TeamRequest.accept(UUID.randomUUID(), command, clock.instant().truncatedTo(ChronoUnit.MICROS),
                provisioning.deadline());
        Instant firstRun = firstRunOf(request);
        return store.create(request, firstRun).doOnSuccess(stored -> accepted(stored, firstRun));
    }

    private void accepted(TeamRequest stored, Instant firstRun) {
        log.atInfo().addKeyValue(ProvisionTeam.TEAM_REQUEST_ID, stored.id()).addKeyValue("caller", stored.requester())
                .log("Team request {} for '{}' accepted from {}; its job is due at {}", stored.id(), stored.spec().displayName(),
                        stored.requester(), firstRun);
        queue.wakeUpAt(firstRun);
    }

    /** When the job's first step is likely to get its Graph call slot; a job that ran sooner would only learn its slot is later. */
    private Instant firstRunOf(TeamRequest request) {
        GraphWorkload workload = ProvisioningSteps.workloadOf(request);
        return workload == null ? request.createdAt() : pacing.expectedTurn(workload);
    }

    /**
     * Submits at most once per caller and {@code Idempotency-Key} (draft-ietf-httpapi-idempotency-key-header):
     * a repeat with the same body answers with the request the key's first use created, without
     * checking the policy again; a different body is refused. {@code approval} (the policy check) runs
     * only for a key not seen yet, so a refused request leaves the key free.
     */
    public Mono<Submission> submit(IdempotencyKey key, Mono<NewTeamRequest> approval) {
        return keys.find(key.caller(), key.key(), clock.instant())
                .flatMap(recorded -> replay(key, recorded))
                .switchIfEmpty(Mono.defer(() -> approval.flatMap(command -> store(command, key))));
    }

    private Mono<Submission> store(NewTeamRequest command, IdempotencyKey key) {
        if (!command.requester().equals(key.caller())) {
            return Mono.error(new IllegalArgumentException("An Idempotency-Key is scoped to the requester who sent it"));
        }
        TeamRequest request = TeamRequest.accept(UUID.randomUUID(), command, clock.instant().truncatedTo(ChronoUnit.MICROS),
                provisioning.deadline());
        Instant firstRun = firstRunOf(request);
        return store.create(request, key, request.createdAt().plus(idempotency.retention()), firstRun)
                .doOnSuccess(stored -> accepted(stored, firstRun))
                .map(stored -> new Submission(stored, false))
                // Lost the race for the key: answer as a repeat once the winner is visible, else 409.
                .onErrorResume(IdempotencyKeyTakenException.class, taken -> keys.find(key.caller(), key.key(), clock.instant())
                        .flatMap(recorded -> replay(key, recorded))
                        .switchIfEmpty(Mono.error(() -> new TeamRequestConflictException("A request with Idempotency-Key '"
                                + key.key() + "' is still being processed; repeat it shortly to get its response.", taken))));
    }

    private Mono<Submission> replay(IdempotencyKey key, IdempotencyKeyStore.Recorded recorded) {
        if (!recorded.fingerprint().equals(key.fingerprint())) {
            return Mono.error(new IdempotencyKeyMismatchException(key.key()));
        }
        return store.find(recorded.requestId())
                .map(original -> new Submission(original, true))
                .switchIfEmpty(Mono.error(() -> new IllegalStateException(
                        "Idempotency-Key '" + key.key() + "' points to team request " + recorded.requestId() + ", which does not exist")));
    }

    /** @param replayed the key was seen before: {@code request} is the one its first use created, as it stands now */
    public record Submission(TeamRequest request, boolean replayed) {
    }
}
