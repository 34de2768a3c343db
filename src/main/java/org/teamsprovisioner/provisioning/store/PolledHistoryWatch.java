package org.teamsprovisioner.provisioning.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.teamsprovisioner.provisioning.HistoryWatch;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The newest event id of every watched request, read in one statement per interval while anyone
 * watches (none while nobody does), and a signal at once when this replica appends. A poll rather
 * than PostgreSQL's LISTEN/NOTIFY: it works the same on H2 (the sandbox), needs no connection held
 * per replica, and costs the writers nothing (NOTIFY takes a database-wide lock at commit).
 */
@Component
class PolledHistoryWatch implements HistoryWatch {

    private static final Logger log = LoggerFactory.getLogger(PolledHistoryWatch.class);
    // Bound parameters per statement; PostgreSQL takes 65,535, but a short IN list plans faster.
    private static final int CHUNK = 500;

    private final DatabaseClient db;
    private final Map<UUID, AtomicInteger> watched = new ConcurrentHashMap<>();
    private final Sinks.Many<UUID> appendedHere = Sinks.many().multicast().directBestEffort();
    private final Flux<Map<UUID, Long>> polls;

    PolledHistoryWatch(DatabaseClient db, HistoryWatchProperties properties) {
        this.db = db;
        // Shared: one poll loop for all watchers, started by the first and stopped with the last.
        this.polls = Flux.interval(properties.pollInterval())
                .onBackpressureDrop()
                .concatMap(tick -> poll(), 0)
                .share();
    }

    @Override
    public Flux<Long> newestEventIds(UUID requestId) {
        return Flux.defer(() -> {
            watched.computeIfAbsent(requestId, id -> new AtomicInteger()).incrementAndGet();
            Flux<Long> polled = polls.mapNotNull(newest -> newest.get(requestId));
            Flux<Long> local = appendedHere.asFlux().filter(requestId::equals).map(id -> Long.MAX_VALUE);
            return Flux.merge(polled, local).doFinally(signal -> unwatch(requestId));
        });
    }

    /** The store appended events to the request's history on this replica, and they are committed. */
    void appended(UUID requestId) {
        if (watched.containsKey(requestId)) {
            appendedHere.tryEmitNext(requestId);
        }
    }

    private void unwatch(UUID requestId) {
        watched.computeIfPresent(requestId, (id, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    private Mono<Map<UUID, Long>> poll() {
        List<UUID> ids = new ArrayList<>(watched.keySet());
        if (ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        List<List<UUID>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
        }
        return Flux.fromIterable(chunks)
                .concatMap(chunk -> db.sql("select request_id, max(id) as newest from team_request_event where request_id in (:ids) "
                                + "group by request_id")
                        .bind("ids", chunk)
                        .map(row -> Map.entry(row.get("request_id", UUID.class), row.get("newest", Long.class)))
                        .all())
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new)
                .<Map<UUID, Long>>map(newest -> newest)
                .onErrorResume(failed -> {
                    log.warn("Live event streams: newest event ids not read ({}); trying again at the next interval", failed.toString());
                    return Mono.just(Map.of());
                });
    }
}
