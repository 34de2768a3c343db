package org.teamsprovisioner.provisioning;

import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * Paces the jobs' Graph calls to each workload's limit, across all replicas: before a step makes
 * its call, its job takes a slot. A slot due now is granted; a later one is reserved, and the job
 * comes back at that instant holding it instead of waiting on a thread. Implemented by the
 * {@code graph} adapter, which keeps the shared pace in the database.
 */
public interface CallPacing {

    /**
     * When a job of this workload that starts now is likely to get its slot: a guess, not a
     * reservation, so that a bulk's first runs are scheduled a slot apart.
     */
    Instant expectedTurn(GraphWorkload workload);

    /**
     * @param held the slot this job was given earlier for this workload, or null
     * @return granted, or the instant to come back at with the slot reserved for then
     */
    Mono<Permit> acquire(GraphWorkload workload, Instant held);

    /**
     * A job's permission to make its call now, or the instant to come back at and the slot reserved for it.
     *
     * @param comeBackAt null when granted
     * @param slot the reserved slot to present when coming back, or null
     */
    record Permit(Instant comeBackAt, Instant slot) {

        public static final Permit GRANTED = new Permit(null, null);

        public boolean isGranted() {
            return comeBackAt == null;
        }
    }
}
