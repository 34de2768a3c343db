package org.teamsprovisioner.provisioning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The store as step logic needs it, in a map: find and an optimistic save. What only the use cases
 * around provisioning use (pages, counts, idempotency keys) is not here; the PostgreSQL and H2 tests
 * cover the real store.
 */
final class InMemoryTeamRequestStore implements TeamRequestStore {

    private final Map<UUID, TeamRequest> requests = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> jobs = new ConcurrentHashMap<>();
    private final Map<UUID, List<RequestEvent>> events = new ConcurrentHashMap<>();

    /** The request's history as appended, with the ids the store gave. */
    List<RequestEvent> events(UUID id) {
        return List.copyOf(events.getOrDefault(id, List.of()));
    }

    private void append(UUID id, List<RequestEvent> appended) {
        List<RequestEvent> history = events.computeIfAbsent(id, key -> new ArrayList<>());
        synchronized (history) {
            for (RequestEvent event : appended) {
                history.add(new RequestEvent(id, history.size() + 1, event.time(), event.type(), event.actor(), event.data()));
            }
        }
    }

    /** When the request's job is due, as the store was told on create; null when it has none. */
    Instant jobDueAt(UUID id) {
        return jobs.get(id);
    }

    @Override
    public Mono<TeamRequest> create(TeamRequest request, Instant firstRunAt, List<RequestEvent> appended) {
        return Mono.fromSupplier(() -> {
            if (requests.putIfAbsent(request.id(), request) != null) {
                throw new IllegalStateException("Team request " + request.id() + " exists");
            }
            jobs.put(request.id(), firstRunAt);
            append(request.id(), appended);
            return request;
        });
    }

    @Override
    public Mono<TeamRequest> create(TeamRequest request, IdempotencyKey key, Instant keyExpiresAt, Instant firstRunAt,
            List<RequestEvent> appended) {
        return Mono.error(new UnsupportedOperationException("not needed by step logic"));
    }

    @Override
    public Mono<TeamRequest> find(UUID id) {
        return Mono.justOrEmpty(requests.get(id));
    }

    @Override
    public Mono<RequestSummary> findSummary(UUID id) {
        return find(id).map(RequestSummary::of);
    }

    @Override
    public Mono<TeamRequest> reopen(TeamRequest request, List<RequestEvent> appended) {
        return save(request, appended);
    }

    @Override
    public Mono<TeamRequest> cancel(TeamRequest request, List<RequestEvent> appended) {
        return save(request, appended);
    }

    @Override
    public Mono<TeamRequest> save(TeamRequest request, List<RequestEvent> appended) {
        return save(request).doOnNext(saved -> append(saved.id(), appended));
    }

    @Override
    public Flux<RequestEvent> findEvents(UUID requestId, long afterId, int limit) {
        return Flux.fromIterable(events(requestId)).filter(event -> event.id() > afterId).take(limit);
    }

    @Override
    public Mono<TeamRequest> save(TeamRequest request) {
        return Mono.fromSupplier(() -> requests.compute(request.id(), (id, stored) -> {
            if (stored == null || stored.version() != request.version()) {
                throw new ConcurrentModificationException("Team request " + id + " changed since it was read");
            }
            return request.withVersion(request.version() + 1);
        }));
    }

    @Override
    public Flux<RequestSummary> findByRequester(String requester, RequestStatus status, PageKey after, int limit) {
        return Flux.error(new UnsupportedOperationException("not needed by step logic"));
    }

    @Override
    public Mono<Map<RequestStatus, Long>> countUnfinished() {
        return Mono.error(new UnsupportedOperationException("not needed by step logic"));
    }

    @Override
    public Mono<Long> countInFlight(String requester, int atMost) {
        return Mono.error(new UnsupportedOperationException("not needed by step logic"));
    }
}
