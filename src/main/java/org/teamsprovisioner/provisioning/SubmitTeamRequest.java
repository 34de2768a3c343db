package org.teamsprovisioner.provisioning;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.teamsprovisioner.policy.CheckTeamRequest;
import org.teamsprovisioner.policy.PolicyDecision;
import org.teamsprovisioner.request.Caller;
import org.teamsprovisioner.request.InvalidTeamRequestException;
import org.teamsprovisioner.request.TeamSpec;
import reactor.core.publisher.Mono;

/**
 * Accepts a team request: holds the caller to its cap on requests in flight, checks the request
 * against the org policy, then stores it with its job and returns at once; provisioning runs in a
 * worker. A request with problems is refused with all of them, and nothing is stored. With an
 * {@code Idempotency-Key}, a repeat gets the first request's outcome instead, whatever the cap or the
 * policy would say of it now.
 */
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
    private final CheckTeamRequest policy;
    private final RequestsInFlight inFlight;

    SubmitTeamRequest(TeamRequestStore store, ProvisioningQueue queue, Clock clock, IdempotencyKeyStore keys,
            IdempotencyProperties idempotency, ProvisioningProperties provisioning, CallPacing pacing, CheckTeamRequest policy,
            RequestsInFlight inFlight) {
        this.policy = policy;
        this.inFlight = inFlight;
        this.store = store;
        this.queue = queue;
        this.clock = clock;
        this.keys = keys;
        this.idempotency = idempotency;
        this.provisioning = provisioning;
        this.pacing = pacing;
    }

    /**
     * @param caller who submits; the request is filed under their id
     * @param requested the team as the portal asked for it, before the policy applied its defaults
     * @param key the caller's {@code Idempotency-Key} for this request, or null when none was sent
     */
    public record Command(Caller caller, TeamSpec requested, IdempotencyKey key) {

        public Command {
            if (caller == null || requested == null) {
                throw new IllegalArgumentException("caller and requested are required");
            }
            if (key != null && !key.caller().equals(caller.id())) {
                throw new IllegalArgumentException("An Idempotency-Key is scoped to the caller who sent it");
            }
        }
    }

    /** @return the stored request, or for a repeated key the one its first use created, as it stands now */
    public Mono<Submission> submit(Command command) {
        Mono<NewTeamRequest> approval = Mono.defer(() -> approve(command));
        return command.key() == null ? approval.flatMap(this::store).map(stored -> new Submission(stored, false))
                : submit(command.key(), approval);
    }

    /** The cap first, so a caller at it costs no directory lookup; then the policy, which reads the directory. */
    private Mono<NewTeamRequest> approve(Command command) {
        return inFlight.admit(command.caller())
                .then(Mono.defer(() -> policy.check(command.requested(), command.caller())))
                .map(decision -> approved(command.caller(), decision));
    }

    private static NewTeamRequest approved(Caller caller, PolicyDecision decision) {
        if (!decision.isValid()) {
            throw new InvalidTeamRequestException(decision.violations());
        }
        return new NewTeamRequest(caller.id(), decision.approved());
    }

    private Mono<TeamRequest> store(NewTeamRequest command) {
        // Microsecond precision is what both PostgreSQL and H2 store; page cursors compare exact values.
        TeamRequest request = TeamRequest.accept(UUID.randomUUID(), command, clock.instant().truncatedTo(ChronoUnit.MICROS),
                provisioning.deadline());
        Instant firstRun = firstRunOf(request);
        return store.create(request, firstRun, RequestEvents.submitted(request)).doOnSuccess(stored -> accepted(stored, firstRun));
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
     * a repeat with the same body answers with the request the key's first use created, whatever the
     * policy or the caller's cap would say of it now; a different body is refused. A refused request
     * leaves the key free.
     *
     * <p>A new key is the common case, so it costs one statement: {@code approval} (the cap and the
     * policy check) runs first and the request is stored claiming the key; the key is looked up only
     * when that claim finds it taken, or when {@code approval} refused, in case the refused submit is a
     * repeat of one accepted before. Looking the key up first cost every submit a second round trip
     * to the database: about a tenth of a submit's CPU (facade benchmark, A/B, 2026-12-06).
     */
    private Mono<Submission> submit(IdempotencyKey key, Mono<NewTeamRequest> approval) {
        // The storing is mapped, not flat-mapped, inside: onErrorResume sees only approval's refusals.
        return approval.map(command -> store(command, key))
                .onErrorResume(refused -> Mono.just(repeatOr(key, refused)))
                .flatMap(outcome -> outcome);
    }

    /** The key's first outcome if this submit repeats an accepted one, else {@code otherwise}. */
    private Mono<Submission> repeatOr(IdempotencyKey key, Throwable otherwise) {
        return keys.find(key.caller(), key.key(), clock.instant())
                .flatMap(recorded -> replay(key, recorded))
                .switchIfEmpty(Mono.error(otherwise));
    }

    private Mono<Submission> store(NewTeamRequest command, IdempotencyKey key) {
        if (!command.requester().equals(key.caller())) {
            return Mono.error(new IllegalArgumentException("An Idempotency-Key is scoped to the requester who sent it"));
        }
        TeamRequest request = TeamRequest.accept(UUID.randomUUID(), command, clock.instant().truncatedTo(ChronoUnit.MICROS),
                provisioning.deadline());
        Instant firstRun = firstRunOf(request);
        return store.create(request, key, request.createdAt().plus(idempotency.retention()), firstRun, RequestEvents.submitted(request))
                .doOnSuccess(stored -> accepted(stored, firstRun))
                .map(stored -> new Submission(stored, false))
                // Lost the race for the key: answer as a repeat once the winner is visible, else 409.
                .onErrorResume(IdempotencyKeyTakenException.class, taken -> repeatOr(key, new TeamRequestConflictException(
                        "A request with Idempotency-Key '" + key.key() + "' is still being processed; repeat it shortly to get its response.",
                        taken)));
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
