package org.teamsprovisioner.graph;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.teamsprovisioner.provisioning.GraphWorkload;
import reactor.core.publisher.Mono;

/**
 * What every Graph call passes through, per {@link GraphWorkload}: the workload's shared throttling
 * pause, checked as the last thing before the call goes on the wire, and the workload's circuit
 * breaker, which sees only calls that reached Graph (a call refused here is never Graph's failure).
 *
 * <p>Calls made for a portal that waits for the answer ({@link #interactive}) are retried
 * in-process on transient failures. Calls made by jobs ({@link #background}) are not: the job
 * reschedules itself instead of holding a worker thread through a wait, and a POST is never sent
 * twice by the client.
 */
class GraphGuards {

    static final String READ_RETRY = "graph-reads";

    private final WorkloadPauses pauses;
    private final Map<GraphWorkload, CircuitBreaker> breakers;
    private final Retry reads;
    private final Duration defaultThrottlePause;

    GraphGuards(WorkloadPauses pauses, Function<GraphWorkload, CircuitBreaker> breakers, Retry reads, Duration defaultThrottlePause) {
        this.pauses = pauses;
        this.breakers = new EnumMap<>(GraphWorkload.class);
        for (GraphWorkload workload : GraphWorkload.values()) {
            this.breakers.put(workload, breakers.apply(workload));
        }
        this.reads = reads;
        this.defaultThrottlePause = defaultThrottlePause;
    }

    /** The retry of calls a portal waits for: exponential backoff with jitter, or exactly Graph's Retry-After when it sent one. */
    static RetryConfig readRetry(GraphRetryProperties settings) {
        IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(settings.initialBackoff(),
                settings.multiplier(), 0.5, settings.maxBackoff());
        IntervalBiFunction<Object> wait = (attempt, outcome) -> {
            if (outcome.isLeft() && outcome.getLeft() instanceof GraphException graph && graph.retryAfter().isPresent()) {
                return graph.retryAfter().get().toMillis();
            }
            return backoff.apply(attempt);
        };
        return RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalBiFunction(wait)
                .retryOnException(error -> error instanceof GraphException graph
                        && graph.isTransient()
                        && !GraphException.CIRCUIT_OPEN.equals(graph.code())
                        // A portal is waiting: past the cap it gets the wait to retry after instead.
                        && graph.retryAfter().map(after -> after.compareTo(settings.retryAfterCap()) <= 0).orElse(true))
                .failAfterMaxAttempts(false)
                .build();
    }

    /** A call a portal waits for: transient failures are retried here, honouring Retry-After. */
    <T> Mono<T> interactive(GraphWorkload workload, Supplier<Mono<T>> call) {
        return once(workload, call).transform(RetryOperator.of(reads));
    }

    /** A call a job makes: tried once; the job reschedules after a failure. */
    <T> Mono<T> background(GraphWorkload workload, Supplier<Mono<T>> call) {
        return once(workload, call);
    }

    /** The Resilience4j circuit breaker of a workload, e.g. {@code graph-create-team}. */
    static String breakerName(GraphWorkload workload) {
        return "graph-" + workload.key();
    }

    CircuitBreaker breaker(GraphWorkload workload) {
        return breakers.get(workload);
    }

    private <T> Mono<T> once(GraphWorkload workload, Supplier<Mono<T>> call) {
        CircuitBreaker breaker = breakers.get(workload);
        return pauses.check(workload)
                .then(Mono.defer(call).transform(CircuitBreakerOperator.of(breaker)))
                .contextWrite(context -> context.put(GraphCallContext.WORKLOAD, workload))
                .onErrorMap(CallNotPermittedException.class, open -> GraphException.notCalled(503, GraphException.CIRCUIT_OPEN,
                        "Graph failed too often lately; " + workload.key() + " calls are paused (circuit breaker '"
                                + breaker.getName() + "' is open)",
                        Duration.ofMillis(breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1))))
                .onErrorResume(GraphException.class, error -> error.status() == 429 && !error.wasNotCalled()
                        ? pauses.throttled(workload, error.retryAfter().orElse(defaultThrottlePause)).then(Mono.error(error))
                        : Mono.error(error));
    }
}
