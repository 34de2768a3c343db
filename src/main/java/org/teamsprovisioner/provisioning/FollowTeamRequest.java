package org.teamsprovisioner.provisioning;

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
 * and one that reconnects elsewhere resumes from the last event it had. {@link HistoryWatch} says
 * when there is more to read; between reads no thread waits.
 */
@Service
public class FollowTeamRequest {

    private static final int BATCH = ReadTeamRequests.MAX_PAGE_SIZE;

    private final ReadTeamRequests read;
    private final TeamRequestStore store;
    private final HistoryWatch watch;

    FollowTeamRequest(ReadTeamRequests read, TeamRequestStore store, HistoryWatch watch) {
        this.read = read;
        this.store = store;
        this.watch = watch;
    }

    /**
     * @param afterId the last event the caller has (0: from the start)
     * @return empty when the request is not visible to the caller (as {@link ReadTeamRequests#one});
     *     else its events after {@code afterId}, ending after a terminal event that nothing followed
     *     (at once when the request is terminal and the caller has all of its events)
     */
    public Mono<Flux<RequestEvent>> follow(UUID id, Caller caller, long afterId) {
        if (afterId < 0) {
            throw new IllegalArgumentException("afterId must be 0 or more");
        }
        return read.one(id, caller).map(summary -> events(id, afterId, summary.status().isTerminal()));
    }

    private Flux<RequestEvent> events(UUID id, long afterId, boolean terminalAtStart) {
        AtomicLong cursor = new AtomicLong(afterId);
        AtomicBoolean ended = new AtomicBoolean(terminalAtStart);
        Mono<List<RequestEvent>> batch = Mono.defer(() -> store.findEvents(id, cursor.get(), BATCH).collectList())
                .doOnNext(events -> {
                    if (!events.isEmpty()) {
                        RequestEvent last = events.get(events.size() - 1);
                        cursor.set(last.id());
                        ended.set(last.type().isTerminal());
                    }
                });
        Flux<List<RequestEvent>> unread = batch.expand(events -> events.size() == BATCH ? batch : Mono.empty());
        // One read at a time, in order. An append between the first read and the watch's start is not
        // missed: the watch reports the newest id at each poll, not only changes.
        Flux<List<RequestEvent>> later = watch.newestEventIds(id)
                .filter(newest -> newest > cursor.get())
                .onBackpressureLatest()
                .concatMap(newest -> unread, 1);
        return Flux.concat(unread, later)
                .takeUntil(events -> events.size() < BATCH && ended.get())
                .concatMapIterable(events -> events);
    }
}
