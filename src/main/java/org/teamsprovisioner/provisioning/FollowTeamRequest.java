package org.teamsprovisioner.provisioning;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Service;
import org.teamsprovisioner.request.Caller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A request's history as it grows, for a caller following it live. Events are read from the store,
 * not from this replica's memory: whichever replica's job appends them, every follower sees them,
 * and one that reconnects elsewhere resumes from the last event it had. The store is asked again
 * at the caller's pace; between asks no thread waits.
 */
@Service
public class FollowTeamRequest {

    private static final int BATCH = ReadTeamRequests.MAX_PAGE_SIZE;

    private final ReadTeamRequests read;
    private final TeamRequestStore store;

    FollowTeamRequest(ReadTeamRequests read, TeamRequestStore store) {
        this.read = read;
        this.store = store;
    }

    /**
     * @param afterId the last event the caller has (0: from the start)
     * @param pollEvery how often to look for new events while none come
     * @return empty when the request is not visible to the caller (as {@link ReadTeamRequests#one});
     *     else its events after {@code afterId}, ending after a terminal event that nothing followed
     *     (at once when the request is terminal and the caller has all of its events)
     */
    public Mono<Flux<RequestEvent>> follow(UUID id, Caller caller, long afterId, Duration pollEvery) {
        if (afterId < 0 || pollEvery == null || pollEvery.isNegative() || pollEvery.isZero()) {
            throw new IllegalArgumentException("afterId must be 0 or more and pollEvery positive");
        }
        return read.one(id, caller).map(summary -> events(id, afterId, summary.status().isTerminal(), pollEvery));
    }

    private Flux<RequestEvent> events(UUID id, long afterId, boolean terminalAtStart, Duration pollEvery) {
        AtomicLong cursor = new AtomicLong(afterId);
        AtomicBoolean ended = new AtomicBoolean(terminalAtStart);
        Mono<List<RequestEvent>> next = Mono.defer(() -> store.findEvents(id, cursor.get(), BATCH).collectList())
                .doOnNext(batch -> {
                    if (!batch.isEmpty()) {
                        RequestEvent last = batch.get(batch.size() - 1);
                        cursor.set(last.id());
                        ended.set(last.type().isTerminal());
                    }
                });
        return next.expand(batch -> {
                    if (batch.size() == BATCH) {
                        return next;
                    }
                    return ended.get() ? Mono.empty() : Mono.delay(pollEvery).then(next);
                })
                .concatMapIterable(batch -> batch);
    }
}
