package org.teamsprovisioner.graph;

import java.time.Duration;
import java.time.Instant;
import org.teamsprovisioner.provisioning.GraphWorkload;
import reactor.core.publisher.Mono;

/**
 * Where replicas share, per tenant and workload, the pace of their Graph calls (the next free
 * slot) and until when Graph throttles them. One row per tenant and workload.
 */
interface GraphWorkloadStore {

    /**
     * Takes the next slot: atomically moves the next free slot to {@code max(next slot, now, pause)
     * + interval}.
     *
     * @return the row after the move: the slot taken is {@code nextSlot - interval}
     */
    Mono<Row> reserve(String tenantId, GraphWorkload workload, Instant now, Duration interval);

    /** {@link Instant#EPOCH} when the workload was never throttled. */
    Mono<Instant> pausedUntil(String tenantId, GraphWorkload workload);

    /**
     * Graph throttled the workload until {@code until}: the later pause wins, and the next free slot
     * moves to {@code until + burstTolerance}, so calls resume at the sustained rate, not in a burst
     * against a bucket that has only just begun to refill.
     */
    Mono<Void> pause(String tenantId, GraphWorkload workload, Instant until, Duration burstTolerance);

    record Row(Instant nextSlot, Instant pausedUntil) {
    }
}
