package org.teamsprovisioner.provisioning;

import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where team requests live. Implemented over R2DBC in {@code provisioning.store}. */
public interface TeamRequestStore {

    /** Stores a new request together with its provisioning job, in one transaction. */
    Mono<TeamRequest> create(TeamRequest request);

    Mono<TeamRequest> find(UUID id);

    /**
     * Saves a changed request if nobody else saved it since it was read; otherwise fails with
     * {@link java.util.ConcurrentModificationException}. Returns the request with its new version.
     */
    Mono<TeamRequest> save(TeamRequest request);

    /** A requester's requests, newest first, strictly after {@code after} when given. */
    Flux<TeamRequest> findByRequester(String requester, RequestStatus status, PageKey after, int limit);

    /** The position of a request in the newest-first order. */
    record PageKey(Instant createdAt, UUID id) {
    }
}
