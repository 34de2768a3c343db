package org.teamsprovisioner.graph;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teamsprovisioner.provisioning.GraphWorkload;
import reactor.core.publisher.Mono;

/**
 * Graph throttles per app per tenant and per workload, and calls made before {@code Retry-After}
 * has passed only extend the throttling. So a 429 seen by any replica pauses that workload's calls
 * on every replica until the announced instant, shared through the database.
 *
 * <p>Jobs read the shared pause fresh when they take their slot ({@link GraphPacing}). Calls made
 * for a waiting portal read it at most once per {@link #CACHE_TIME}, which may cost one more 429
 * per replica but spares the request path a database read per Graph call; this replica's own 429s
 * count at once.
 */
class WorkloadPauses {

    static final Duration CACHE_TIME = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(WorkloadPauses.class);

    private final GraphWorkloadStore store;
    private final GraphPacingProperties pacing;
    private final String tenantId;
    private final Clock clock;
    private final Map<GraphWorkload, Known> known = new EnumMap<>(GraphWorkload.class);

    WorkloadPauses(GraphWorkloadStore store, GraphPacingProperties pacing, String tenantId, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.pacing = pacing;
        this.tenantId = tenantId;
        this.clock = clock;
        for (GraphWorkload workload : GraphWorkload.values()) {
            known.put(workload, new Known(meters, workload));
        }
    }

    /** Completes when the workload may be called now, else fails with {@link GraphException#TENANT_THROTTLED}. */
    Mono<Void> check(GraphWorkload workload) {
        Known state = known.get(workload);
        Instant now = clock.instant();
        Mono<Instant> until = now.isBefore(state.readAt.plus(CACHE_TIME)) ? Mono.just(state.until)
                : store.pausedUntil(tenantId, workload)
                        .doOnNext(stored -> {
                            state.raise(stored);
                            state.readAt = now;
                        })
                        .map(ignored -> state.until);
        return until.flatMap(instant -> throttledUntil(workload, instant));
    }

    /** This replica's own knowledge only: no database read. */
    Mono<Void> checkKnown(GraphWorkload workload) {
        return throttledUntil(workload, known.get(workload).until);
    }

    private Mono<Void> throttledUntil(GraphWorkload workload, Instant until) {
        Instant now = clock.instant();
        if (now.isBefore(until)) {
            heldBack(workload);
        }
        return now.isBefore(until)
                ? Mono.error(GraphException.notCalled(429, GraphException.TENANT_THROTTLED, "Graph throttles this app's "
                        + workload.key() + " calls in tenant " + tenantId + " until " + until, Duration.between(now, until)))
                : Mono.empty();
    }

    /** A call that would have gone out inside a throttling pause was kept back: an early retry prevented. */
    void heldBack(GraphWorkload workload) {
        known.get(workload).heldBack.increment();
    }

    /** Records a 429 whose Retry-After was {@code wait}, here at once and for every replica. */
    Mono<Void> throttled(GraphWorkload workload, Duration wait) {
        Instant until = clock.instant().plus(wait);
        Known state = known.get(workload);
        state.throttled.record(wait.toMillis() / 1000.0);
        state.raise(until);
        return store.pause(tenantId, workload, until, pacing.rateOf(workload).burstTolerance())
                // Failing to share the pause must not hide Graph's answer; this replica still honours it.
                .onErrorResume(error -> {
                    log.warn("Could not store Graph throttling of {} in tenant {} until {}: {}", workload.key(), tenantId, until,
                            error.toString());
                    return Mono.empty();
                });
    }

    /** What this replica knows of one workload's pause. */
    private static final class Known {

        private volatile Instant until = Instant.MIN;
        private volatile Instant readAt = Instant.MIN;
        private final DistributionSummary throttled;
        private final Counter heldBack;

        Known(MeterRegistry meters, GraphWorkload workload) {
            throttled = DistributionSummary.builder("provisioner.graph.throttled")
                    .description("429 answers from Graph, and the pause (Retry-After) each one imposed")
                    .baseUnit("seconds")
                    .tag("workload", workload.key())
                    .register(meters);
            heldBack = Counter.builder("provisioner.graph.held.back")
                    .description("Calls kept back because a throttling pause was in force: early retries prevented")
                    .tag("workload", workload.key())
                    .register(meters);
        }

        synchronized void raise(Instant instant) {
            if (instant.isAfter(until)) {
                until = instant;
            }
        }
    }
}
