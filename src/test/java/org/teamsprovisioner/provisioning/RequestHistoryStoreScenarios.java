package org.teamsprovisioner.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.teamsprovisioner.request.TeamSpec;

/**
 * The history is appended in the change's own transaction: a change that does not commit leaves no
 * event, and the ids go on from where they were. Run once per database. The jobs are due tomorrow,
 * so no worker touches these requests while a scenario runs.
 */
interface RequestHistoryStoreScenarios {

    TeamRequestStore store();

    private static TeamRequest accepted(String name) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        TeamSpec spec = TeamSpec.requested(name, null, null, null, List.of("alice@contoso.com"), null, null, null);
        return TeamRequest.accept(UUID.randomUUID(), new NewTeamRequest("history-" + UUID.randomUUID(), spec), now, Duration.ofHours(1));
    }

    private static Instant tomorrow() {
        return Instant.now().plus(Duration.ofDays(1));
    }

    /** Not history, but the same store: the status monitor's Retry-After comes from the job's due time read with the request. */
    @Test
    default void aRequestAtWorkIsReadWithItsJobsDueTimeAndATerminalOneWithout() {
        TeamRequest request = accepted("Due time " + UUID.randomUUID());
        Instant due = tomorrow().truncatedTo(ChronoUnit.MILLIS);
        store().create(request, due, RequestEvents.submitted(request)).block();

        RequestSummary atWork = store().findSummary(request.id()).block();

        assertThat(atWork.nextRunAt()).isEqualTo(due);
        assertThat(atWork.nextChangeIn(due.minusSeconds(30))).contains(Duration.ofSeconds(31));
        TeamRequest cancelled = request.cancelled(request.createdAt().plusSeconds(1));
        store().cancel(cancelled, RequestEvents.cancelled(cancelled, new org.teamsprovisioner.request.Caller(request.requester(), false, false)))
                .block();
        RequestSummary ended = store().findSummary(request.id()).block();
        assertThat(ended.nextRunAt()).isNull();
        assertThat(ended.nextChangeIn(Instant.now())).isEmpty();
    }

    @Test
    default void aSaveThatLosesTheOptimisticLockAppendsNoEvent() {
        TeamRequest request = accepted("History lock " + UUID.randomUUID());
        store().create(request, tomorrow(), RequestEvents.submitted(request)).block();
        TeamRequest attempted = request.stepFailedTransiently(request.createdAt().plusSeconds(1));
        store().save(attempted, RequestEvents.between(request, attempted)).block();

        Throwable stale = catchThrowable(() -> store().save(attempted, RequestEvents.between(request, attempted)).block());

        assertThat(stale).isInstanceOf(ConcurrentModificationException.class);
        assertThat(store().findEvents(request.id(), 0, 10).collectList().block()).extracting(RequestEvent::id, RequestEvent::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, RequestEvent.Type.SUBMITTED),
                        org.assertj.core.groups.Tuple.tuple(2L, RequestEvent.Type.STEP_RETRYING));
    }

    @Test
    default void aCreateRefusedForATakenIdempotencyKeyStoresNoEvent() {
        TeamRequest first = accepted("History key " + UUID.randomUUID());
        IdempotencyKey key = new IdempotencyKey(first.requester(), "key-" + UUID.randomUUID(), "a".repeat(64));
        store().create(first, key, tomorrow(), tomorrow(), RequestEvents.submitted(first)).block();
        TeamRequest second = new TeamRequest(UUID.randomUUID(), first.requester(), first.spec(), first.status(), first.step(),
                first.progress(), first.pending(), first.group(), first.error(), first.stepAttempts(), first.createdAt(),
                first.updatedAt(), first.deadlineAt(), first.version());

        Throwable taken = catchThrowable(() -> store().create(second, key, tomorrow(), tomorrow(), RequestEvents.submitted(second)).block());

        assertThat(taken).isInstanceOf(IdempotencyKeyTakenException.class);
        assertThat(store().findEvents(second.id(), 0, 10).collectList().block()).isEmpty();
        assertThat(store().findEvents(first.id(), 0, 10).collectList().block()).extracting(RequestEvent::type)
                .containsExactly(RequestEvent.Type.SUBMITTED);
    }
}
