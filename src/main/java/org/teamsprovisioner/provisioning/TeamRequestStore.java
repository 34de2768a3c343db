package org.teamsprovisioner.provisioning;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where team requests live. Implemented over R2DBC in {@code provisioning.store}, which writes each
 * request's job as {@link ProvisioningJobRows} gives it.
 */
public interface TeamRequestStore {

    /**
     * Stores a new request together with its provisioning job, due at {@code firstRunAt}, and the first
     * events of its history, in one transaction.
     */
    Mono<TeamRequest> create(TeamRequest request, Instant firstRunAt, List<RequestEvent> events);

    /**
     * Stores a new request with its job and records the caller's {@code Idempotency-Key} for it, in one
     * transaction, replacing a record of the same key that expired by the request's creation time.
     * Fails with {@link IdempotencyKeyTakenException} when the key is recorded, or being recorded, for
     * another request; nothing is stored then.
     */
    Mono<TeamRequest> create(TeamRequest request, IdempotencyKey key, Instant keyExpiresAt, Instant firstRunAt, List<RequestEvent> events);

    Mono<TeamRequest> find(UUID id);

    /** The request's progress without its spec, for callers reading it. */
    Mono<RequestSummary> findSummary(UUID id);

    /**
     * Saves a request that goes back to work (see {@link #save}), appends {@code events} and schedules
     * its job, in one transaction. Fails with {@link TeamRequestConflictException} while the job of its previous run
     * still exists.
     */
    Mono<TeamRequest> reopen(TeamRequest request, List<RequestEvent> events);

    /**
     * Saves a withdrawn request (see {@link #save}), appends {@code events} and deletes its job, in one transaction, provided no
     * worker has picked the job; otherwise fails with {@link TeamRequestConflictException}.
     */
    Mono<TeamRequest> cancel(TeamRequest request, List<RequestEvent> events);

    /**
     * Saves a changed request if nobody else saved it since it was read; otherwise fails with
     * {@link java.util.ConcurrentModificationException}. Returns the request with its new version.
     */
    Mono<TeamRequest> save(TeamRequest request);

    /**
     * As {@link #save(TeamRequest)}, appending {@code events} to the request's history in the same
     * transaction, each with the next id; nothing is appended when the save fails.
     */
    Mono<TeamRequest> save(TeamRequest request, List<RequestEvent> events);

    /** A request's history, oldest first, from the event after {@code afterId} (0: from the start). */
    Flux<RequestEvent> findEvents(UUID requestId, long afterId, int limit);

    /** A requester's requests, newest first, strictly after {@code after} when given. */
    Flux<RequestSummary> findByRequester(String requester, RequestStatus status, PageKey after, int limit);

    /** How many requests stand in each unfinished status (absent: none); cheap, for gauges. */
    Mono<Map<RequestStatus, Long>> countUnfinished();

    /**
     * How many of a requester's requests are ACCEPTED or PROVISIONING, counting no further than
     * {@code atMost}: the cost is bounded by the limit checked, not by the requester's history.
     */
    Mono<Long> countInFlight(String requester, int atMost);

    /** The position of a request in the newest-first order. */
    record PageKey(Instant createdAt, UUID id) {
    }
}
