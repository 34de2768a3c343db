package org.teamsprovisioner.provisioning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Runs the next provisioning step of one request and persists its result before anything else
 * happens. The job worker calls it again at the returned time; waiting is a reschedule, never a sleep.
 */
@Service
public class ProvisionTeam {

    private static final Logger log = LoggerFactory.getLogger(ProvisionTeam.class);
    static final String TEAM_REQUEST_ID = TeamRequestContext.TEAM_REQUEST_ID;

    private final TeamRequestStore store;
    private final Map<Step, StepHandler> handlers = new EnumMap<>(Step.class);
    private final CallPacing pacing;
    private final ProvisioningProperties properties;
    private final ProvisioningMetrics metrics;
    private final Clock clock;

    /** @param handlers one of each handler class {@link ProvisioningSteps} names */
    ProvisionTeam(TeamRequestStore store, List<StepHandler> handlers, CallPacing pacing, ProvisioningProperties properties,
            ProvisioningMetrics metrics, Clock clock) {
        this.store = store;
        for (ProvisioningSteps.Row row : ProvisioningSteps.ROWS) {
            if (row.handler() != null) {
                this.handlers.put(row.step(), handlers.stream().filter(row.handler()::isInstance).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("No " + row.handler().getSimpleName() + " for step " + row.step())));
            }
        }
        this.pacing = pacing;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * @param held the Graph call slot this request's job was given on its previous run, or null
     * @return when to run the next step (and the slot kept for it), or done when provisioning of this request is over
     */
    public Mono<NextRun> runNextStep(UUID requestId, Slot held) {
        return store.find(requestId)
                // A SUCCEEDED request may still have its files-folder follow-up to run.
                .filter(request -> !request.status().isTerminal() || ProvisioningSteps.of(request.step()).followUp())
                .flatMap(request -> pastDeadline(request)
                        .map(failed -> persist(request, StepResult.done(failed), System.nanoTime()))
                        .orElseGet(() -> paced(request, held)))
                .defaultIfEmpty(NextRun.DONE)
                // Every Graph call of this run is logged with the request it was made for.
                .contextWrite(TeamRequestContext.forTeamRequest(requestId));
    }

    /**
     * The step's Graph call waits for its slot in the workload's shared pace: a job that gets none now
     * comes back when its slot is due, holding it, and nothing about the request changes meanwhile.
     */
    private Mono<NextRun> paced(TeamRequest request, Slot held) {
        GraphWorkload workload = ProvisioningSteps.workloadOf(request);
        long start = System.nanoTime();
        if (workload == null) {
            return advance(request).flatMap(result -> persist(request, result, start));
        }
        return pacing.acquire(workload, held != null && held.workload() == workload ? held.at() : null)
                .flatMap(permit -> permit.isGranted()
                        ? advance(request).flatMap(result -> persist(request, result, start))
                        : Mono.just(new NextRun(permit.comeBackAt(), permit.slot() == null ? null : new Slot(workload, permit.slot()))));
    }

    private Mono<NextRun> persist(TeamRequest before, StepResult result, long start) {
        return store.save(result.request(), RequestEvents.between(before, result, clock.instant()))
                .doOnNext(saved -> {
                    log(before, result.request());
                    measure(before, result.request(), start);
                })
                .thenReturn(result.isDone() ? NextRun.DONE : new NextRun(clock.instant().plus(result.runAgainIn()), null));
    }

    private void measure(TeamRequest before, TeamRequest after, long start) {
        String outcome;
        if (after.status() != before.status() && after.status().isTerminal()) {
            outcome = after.status() == RequestStatus.SUCCEEDED ? "succeeded" : "failed";
            metrics.finished(after.status(), after.createdAt(), clock.instant());
        } else if (after.step() != before.step()) {
            outcome = "advanced";
        } else if (after.stepAttempts() > before.stepAttempts()) {
            outcome = "retried";
        } else {
            outcome = "waiting";
        }
        metrics.stepRan(before.step(), outcome, System.nanoTime() - start);
    }

    private static void log(TeamRequest before, TeamRequest after) {
        // The request id as a field too, so structured logs find every line of one request's job.
        if (after.status() == RequestStatus.FAILED) {
            log.atWarn().addKeyValue(TEAM_REQUEST_ID, after.id()).log("Team request {} FAILED at {}: {} {}", after.id(), before.step(),
                    after.error().code(), after.error().message());
        } else if (after.step() != before.step()) {
            log.atInfo().addKeyValue(TEAM_REQUEST_ID, after.id()).log("Team request {} {} -> {} (team {}, operation {})", after.id(),
                    before.step(), after.step(), after.progress().teamId(),
                    after.progress().operation() == null ? null : after.progress().operation().id());
        } else if (after.stepAttempts() > before.stepAttempts()) {
            log.atInfo().addKeyValue(TEAM_REQUEST_ID, after.id()).log("Team request {} {} will be retried (try {} failed)", after.id(),
                    after.step(), after.stepAttempts());
        }
    }

    /**
     * Runs the current step. Before a POST, the intent to send it is stored: if the answer is lost
     * (timeout, 5xx, or this replica dies before storing the result), the next run finds the intent
     * and reconciles with Graph before sending anything again, so no team is created twice.
     */
    private Mono<StepResult> advance(TeamRequest request) {
        Instant now = clock.instant();
        boolean reconcile = request.hasPendingCall();
        String post = ProvisioningSteps.of(request.step()).pendingPost();
        Mono<TeamRequest> ready = post != null && !reconcile ? store.save(request.sending(post, now)) : Mono.just(request);
        return ready.flatMap(current -> step(current, reconcile)
                .onErrorResume(GraphCallFailed.class, error -> Mono.just(afterFailure(current, error))));
    }

    /** The request FAILED with DeadlineExceeded when its run has outlived its deadline; a SUCCEEDED follow-up never fails. */
    private Optional<TeamRequest> pastDeadline(TeamRequest request) {
        Instant now = clock.instant();
        Instant deadline = request.deadlineAt() != null ? request.deadlineAt() : request.createdAt().plus(properties.deadline());
        if (now.isAfter(deadline) && request.status() != RequestStatus.SUCCEEDED) {
            return Optional.of(request.failed("DeadlineExceeded", "Provisioning did not finish within "
                    + properties.deadline() + " (provisioner.provisioning.deadline); it stopped at step " + request.step() + ".", now));
        }
        return Optional.empty();
    }

    private Mono<StepResult> step(TeamRequest request, boolean reconcile) {
        StepHandler handler = handlers.get(request.step());
        return handler == null ? Mono.just(StepResult.done(request)) : handler.run(request, reconcile);
    }

    private StepResult afterFailure(TeamRequest attempted, GraphCallFailed error) {
        Instant now = clock.instant();
        // A refused POST did nothing in Graph; only an answer that never came (or a 5xx) leaves it pending.
        TeamRequest request = attempted.hasPendingCall() && !error.isAmbiguous() ? attempted.settled(now) : attempted;
        ProvisioningSteps.Row step = ProvisioningSteps.of(request.step());
        if (step.followUp() && !error.isPostponement()
                && (!isRetryable(step, error) || request.stepAttempts() + 1 >= properties.retryMaxAttempts())) {
            // A follow-up on a team that exists: giving up on it must not turn SUCCEEDED into FAILED.
            log.atWarn().addKeyValue(TEAM_REQUEST_ID, request.id()).log("Team request {}: files folder of team {} not checked: {}",
                    request.id(), request.progress().teamId(), error.getMessage());
            return StepResult.done(request.followUpDone(now));
        }
        if (error.isPostponement()) {
            // Throttled tenant, open breaker or full write rate: nothing is wrong with this request, so waiting costs it no try.
            return StepResult.throttled(request, error.retryAfter().orElseGet(() -> backoff(Math.max(1, request.stepAttempts()))),
                    error.code());
        }
        if (step.onNotFound() == ProvisioningSteps.OnNotFound.AWAIT_GROUP_REPLICATION && request.group() != null
                && error.isNotFound()) {
            return whileGroupReplicates(request, error, now);
        }
        if (!isRetryable(step, error)) {
            return failed(request, error, error.summary(), now);
        }
        TeamRequest retried = request.stepFailedTransiently(now);
        if (retried.stepAttempts() >= properties.retryMaxAttempts()) {
            return failed(retried, error, "Gave up after " + retried.stepAttempts() + " tries: " + error.summary(), now);
        }
        return StepResult.after(retried, error.retryAfter().orElseGet(() -> backoff(retried.stepAttempts())));
    }

    /**
     * The request's view keeps Graph's code and a summary: Graph's and Entra's own text can name client
     * ids, tenants and hosts, and goes to the log, with Graph's request-id.
     */
    private static StepResult failed(TeamRequest request, GraphCallFailed error, String message, Instant now) {
        log.warn("Team request {} at {}: Graph answered {} {}: {}", request.id(), request.step(), error.status(), error.code(),
                error.getMessage());
        return StepResult.done(request.failed(error.code(), message, now));
    }

    /**
     * Graph may answer 404 to a team-from-group POST while a new group replicates. Microsoft's
     * guidance: retry three times, 10 seconds apart; the sandbox and this code then keep backing
     * off until the group is 15 minutes old, after which the 404 is final.
     */
    private StepResult whileGroupReplicates(TeamRequest request, GraphCallFailed error, Instant now) {
        Instant created = request.group().createdAt();
        String groupId = request.group().id();
        if (created == null || !now.isBefore(created.plus(properties.replicationWindow()))) {
            log.warn("Team request {}: group {} still not found: {}", request.id(), groupId, error.getMessage());
            return StepResult.done(request.failed("GroupNotFound", "Graph does not find group " + groupId
                    + (created == null ? "" : " although it was created at " + created) + ".", now));
        }
        TeamRequest retried = request.stepFailedTransiently(now);
        int beyond = retried.stepAttempts() - properties.replicationRetries();
        Duration wait = beyond <= 0 ? properties.replicationRetryInterval()
                : min(properties.replicationMaxBackoff(), properties.replicationRetryInterval().multipliedBy(1L << Math.min(beyond, 10)));
        return StepResult.awaitingReplication(retried, wait);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static boolean isRetryable(ProvisioningSteps.Row step, GraphCallFailed error) {
        return error.isTransient() || (error.isNotFound() && step.onNotFound() == ProvisioningSteps.OnNotFound.RETRY);
    }

    /** Exponential backoff with full jitter, so replicas retrying after the same outage do not move in step. */
    private Duration backoff(int attempt) {
        long initial = properties.retryInitialBackoff().toMillis();
        long ceiling = Math.min(properties.retryMaxBackoff().toMillis(), initial << Math.min(attempt - 1, 20));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(initial / 2, Math.max(initial / 2 + 1, ceiling + 1)));
    }

    /**
     * A Graph call slot reserved for a request's job: presented when the job comes back at its time.
     */
    public record Slot(GraphWorkload workload, Instant at) {
    }

    /**
     * @param at when the job runs next; null when provisioning of the request is over
     * @param held the slot reserved for that run, or null
     */
    public record NextRun(Instant at, Slot held) {

        static final NextRun DONE = new NextRun(null, null);

        public boolean isDone() {
            return at == null;
        }
    }
}
