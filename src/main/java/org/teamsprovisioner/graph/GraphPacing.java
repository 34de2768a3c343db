package org.teamsprovisioner.graph;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.teamsprovisioner.provisioning.GraphWorkload;
import reactor.core.publisher.Mono;

/**
 * Paces the provisioning jobs' Graph calls to the workload's limit, across all replicas: before a
 * job makes its call it takes a slot. A slot that is due now is granted; a later one is reserved
 * for the job, which reschedules itself to that instant instead of waiting for a permit on a
 * thread, and is granted when it comes back. Slots are handed out one {@link CallRate#interval()}
 * apart, in the order jobs asked, so a backlog drains at the limit without a herd retrying every
 * second. A 429 pauses the workload: no slot is granted before its Retry-After, also to a job that
 * was holding one.
 */
class GraphPacing {

    private final GraphWorkloadStore store;
    private final WorkloadPauses pauses;
    private final GraphPacingProperties settings;
    private final String tenantId;
    private final Clock clock;
    private final Map<GraphWorkload, AtomicReference<Instant>> expectedNextSlot = new EnumMap<>(GraphWorkload.class);

    GraphPacing(GraphWorkloadStore store, WorkloadPauses pauses, GraphPacingProperties settings, String tenantId, Clock clock) {
        this.store = store;
        this.pauses = pauses;
        this.settings = settings;
        this.tenantId = tenantId;
        this.clock = clock;
        for (GraphWorkload workload : GraphWorkload.values()) {
            expectedNextSlot.put(workload, new AtomicReference<>(Instant.MIN));
        }
    }

    /**
     * When a job of this workload that starts now is likely to get its slot: a guess, not a
     * reservation. It is this replica's running estimate of the next free slot, moved on by one
     * interval per guess and by every slot actually taken. Submitting a thousand requests at once
     * then schedules their first runs a slot apart instead of running each at once only to learn
     * that its slot is later; a guess that is too early costs the job one more run, one too late
     * cannot happen while this replica alone submits.
     */
    public Instant expectedTurn(GraphWorkload workload) {
        CallRate rate = settings.rateOf(workload);
        Instant now = clock.instant();
        Instant slot = max(expectedNextSlot.get(workload).getAndUpdate(next -> max(next, now).plus(rate.interval())), now);
        Instant turn = slot.minus(rate.burstTolerance());
        return turn.isAfter(now) ? turn : now;
    }

    /**
     * @param held the slot this job was given earlier for this workload, or null
     * @return granted, or the instant to come back at with the slot reserved for then
     */
    public Mono<Permit> acquire(GraphWorkload workload, Instant held) {
        CallRate rate = settings.rateOf(workload);
        Instant now = clock.instant();
        if (held != null && !now.isBefore(held.minus(rate.burstTolerance())) && !now.isAfter(held.plus(settings.lateAllowance()))) {
            // The shared pause is read fresh: a 429 since the slot was given voids it.
            return store.pausedUntil(tenantId, workload)
                    .flatMap(paused -> {
                        if (paused.isAfter(now)) {
                            pauses.heldBack(workload);
                            return reserve(workload, rate, now);
                        }
                        return Mono.just(Permit.GRANTED);
                    });
        }
        return reserve(workload, rate, now);
    }

    private Mono<Permit> reserve(GraphWorkload workload, CallRate rate, Instant now) {
        Duration interval = rate.interval();
        return pauses.checkKnown(workload)
                .then(store.reserve(tenantId, workload, now, interval))
                .map(row -> {
                    expectedNextSlot.get(workload).accumulateAndGet(row.nextSlot(), GraphPacing::max);
                    Instant slot = row.nextSlot().minus(interval);
                    Instant conforming = max(slot.minus(rate.burstTolerance()), row.pausedUntil());
                    return conforming.isAfter(now) ? new Permit(conforming, slot) : Permit.GRANTED;
                })
                // This replica saw a 429 that the database does not know yet (its write failed): wait it out.
                .onErrorResume(GraphException.class, paused -> Mono.just(new Permit(now.plus(paused.retryAfter().orElseThrow()), null)));
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * A job's permission to make its call now, or the instant to come back at and the slot reserved for it.
     *
     * @param comeBackAt null when granted
     * @param slot the reserved slot to present when coming back, or null
     */
    public record Permit(Instant comeBackAt, Instant slot) {

        static final Permit GRANTED = new Permit(null, null);

        public boolean isGranted() {
            return comeBackAt == null;
        }
    }
}
