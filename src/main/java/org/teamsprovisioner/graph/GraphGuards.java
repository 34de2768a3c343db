package org.teamsprovisioner.graph;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.ratelimiter.operator.RateLimiterOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * What every Graph call passes through: the tenant's shared throttling pause, the circuit breaker,
 * and either in-process retries (idempotent reads) or the write rate limiter (POSTs, never retried).
 */
class GraphGuards {

    static final String BREAKER = "graph";
    static final String READ_RETRY = "graph-reads";
    static final String WRITE_LIMITER = "graph-writes";

    private final TenantThrottle throttle;
    private final CircuitBreaker breaker;
    private final Retry reads;
    private final RateLimiter writes;
    private final Duration defaultThrottlePause;

    GraphGuards(TenantThrottle throttle, CircuitBreaker breaker, Retry reads, RateLimiter writes,
            Duration defaultThrottlePause) {
        this.throttle = throttle;
        this.breaker = breaker;
        this.reads = reads;
        this.writes = writes;
        this.defaultThrottlePause = defaultThrottlePause;
    }

    /** The retry of idempotent calls: exponential backoff with jitter, or exactly Graph's Retry-After when it sent one. */
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
                        // Waiting longer would hold a job worker: the job reschedules itself for then instead.
                        && graph.retryAfter().map(after -> after.compareTo(settings.retryAfterCap()) <= 0).orElse(true))
                .failAfterMaxAttempts(false)
                .build();
    }

    <T> Mono<T> read(Supplier<Mono<T>> call) {
        return guarded(call).transform(RetryOperator.of(reads));
    }

    <T> Mono<T> write(Supplier<Mono<T>> call) {
        return guarded(() -> Mono.defer(call).transform(RateLimiterOperator.of(writes)))
                .onErrorMap(RequestNotPermitted.class, full -> GraphException.notCalled(429,
                        GraphException.WRITE_RATE_LIMITED, "This replica is at its Graph write rate ("
                                + writes.getRateLimiterConfig().getLimitForPeriod() + " per "
                                + writes.getRateLimiterConfig().getLimitRefreshPeriod() + ")",
                        writes.getRateLimiterConfig().getLimitRefreshPeriod()));
    }

    private <T> Mono<T> guarded(Supplier<Mono<T>> call) {
        return throttle.check()
                .then(Mono.defer(call).transform(CircuitBreakerOperator.of(breaker)))
                .onErrorMap(CallNotPermittedException.class, open -> GraphException.notCalled(503, GraphException.CIRCUIT_OPEN,
                        "Graph failed too often lately; calls are paused (circuit breaker '" + breaker.getName() + "' is open)",
                        Duration.ofMillis(breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1))))
                .onErrorResume(GraphException.class, error -> error.status() == 429 && !error.wasNotCalled()
                        ? throttle.throttled(error.retryAfter().orElse(defaultThrottlePause)).then(Mono.error(error))
                        : Mono.error(error));
    }
}
