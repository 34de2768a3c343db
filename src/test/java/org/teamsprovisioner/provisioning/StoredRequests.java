package org.teamsprovisioner.provisioning;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.teamsprovisioner.request.Caller;
import org.teamsprovisioner.request.TeamSpec;

/**
 * Requests written straight to the store with the events the use cases would write, for tests of
 * what reads the event log (webhooks' fan-out). Their jobs are due tomorrow, so no worker touches them.
 */
public final class StoredRequests {

    private final TeamRequestStore store;

    public StoredRequests(TeamRequestStore store) {
        this.store = store;
    }

    /** Accepted, with its {@code submitted} event (id 1). */
    public TeamRequest submitted(String requester) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        TeamSpec spec = TeamSpec.requested("Stored " + UUID.randomUUID(), null, null, null, List.of("alice@contoso.com"), null, null, null);
        TeamRequest request = TeamRequest.accept(UUID.randomUUID(), new NewTeamRequest(requester, spec), now, Duration.ofHours(1));
        return store.create(request, now.plus(Duration.ofDays(1)), RequestEvents.submitted(request)).block();
    }

    /** {@code request} after a transient step failure, saved with its {@code step-retrying} event. */
    public TeamRequest retried(TeamRequest request) {
        TeamRequest after = request.stepFailedTransiently(request.updatedAt().plusSeconds(1));
        return store.save(after, RequestEvents.between(request, after)).block();
    }

    /**
     * The same change of {@code before} saved again, as a second worker holding the old version
     * would: fails with {@link java.util.ConcurrentModificationException} once {@code before} has moved on.
     */
    public void saveStale(TeamRequest before) {
        TeamRequest after = before.stepFailedTransiently(before.updatedAt().plusSeconds(2));
        store.save(after, RequestEvents.between(before, after)).block();
    }

    /** The use case's cancel: fails with {@link TeamRequestConflictException} once the job is picked. */
    public void cancel(TeamRequest request) {
        TeamRequest cancelled = request.cancelled(request.updatedAt().plusSeconds(1));
        store.cancel(cancelled, RequestEvents.cancelled(cancelled, new Caller(request.requester(), false, false))).block();
    }

    /** Marks the request's job picked, as db-scheduler does when a worker takes it. */
    public static void pickJob(DatabaseClient db, TeamRequest request) {
        long picked = db.sql("update scheduled_tasks set picked = true, picked_by = 'test-worker', last_heartbeat = :now "
                        + "where task_name = :task_name and task_instance = :task_instance")
                .bind("now", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC))
                .bind("task_name", "provision-team").bind("task_instance", request.id().toString())
                .fetch().rowsUpdated().block();
        if (picked != 1) {
            throw new IllegalStateException("no job of " + request.id() + " to pick");
        }
    }
}
