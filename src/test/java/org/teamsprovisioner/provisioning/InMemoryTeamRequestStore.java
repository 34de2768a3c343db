package org.teamsprovisioner.provisioning;

import java.time.Instant;
import java.util.ConcurrentModificationException;
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

    /** When the request's job is due, as the store was told on create; null when it has none. */
    Instant jobDueAt(UUID id) {
        return jobs.get(id);
    }

    @Override
    public Mono<TeamRequest> create(TeamRequest request, Instant firstRunAt) {
        return Mono.fromSupplier(() -> {
            if (requests.putIfAbsent(request.id(), request) != null) {
                throw new IllegalStateException("Team request " + request.id() + " exists");
            }
            jobs.put(request.id(), firstRunAt);
            return request;
        });
    }

    @Override
    public Mono<TeamRequest> create(TeamRequest request, IdempotencyKey key, Instant keyExpiresAt, Instant firstRunAt) {
        return Mono.error(new UnsupportedOperationException("not needed by step logic"));
    }

    @Override
    public Mono<TeamRequest> find(UUID id) {
        return Mono.justOrEmpty(requests.get(id));
    }

    @Override
    public Mono<RequestSummary> findSummary(UUID id) {
        return Mono.error(new UnsupportedOperationException("not needed by step logic"));
    }

    @Override
    public Mono<TeamRequest> reopen(TeamRequest request) {
        return save(request);
    }

    @Override
    public Mono<TeamRequest> cancel(TeamRequest request) {
        return save(request);
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
