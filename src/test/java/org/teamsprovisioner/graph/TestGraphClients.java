package org.teamsprovisioner.graph;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Graph clients built as the application builds its own, but with their own token cache, breaker,
 * retry, write limiter and throttle memory, so a test starts from zero and sees only its own calls.
 */
final class TestGraphClients {

    static final GraphRetryProperties FAST_RETRY = new GraphRetryProperties(4, Duration.ofMillis(20), 2, Duration.ofMillis(200),
            Duration.ofSeconds(5));

    static final CircuitBreakerConfig LENIENT_BREAKER = CircuitBreakerConfig.custom()
            .recordException(new GraphOutage())
            .minimumNumberOfCalls(1000)
            .build();

    static final RateLimiterConfig AMPLE_WRITES = RateLimiterConfig.custom()
            .limitForPeriod(1000)
            .limitRefreshPeriod(Duration.ofSeconds(1))
            .timeoutDuration(Duration.ZERO)
            .build();

    private final WebClient.Builder webClients;
    private final DatabaseClient db;
    private final Clock clock;

    TestGraphClients(WebClient.Builder webClients, DatabaseClient db, Clock clock) {
        this.webClients = webClients;
        this.db = db;
        this.clock = clock;
    }

    GraphClient client(GraphProperties properties) {
        return client(properties, guards(properties.tenantId(), FAST_RETRY, LENIENT_BREAKER, AMPLE_WRITES));
    }

    GraphClient client(GraphProperties properties, GraphGuards guards) {
        return new GraphClientConfiguration().graphClient(webClients, properties, clock, guards);
    }

    GraphGuards guards(String tenantId, GraphRetryProperties retry, CircuitBreakerConfig breaker, RateLimiterConfig writes) {
        return guards(tenantId, Retry.of("test-graph-reads", GraphGuards.readRetry(retry)), CircuitBreaker.of("test-graph", breaker),
                writes, db);
    }

    GraphGuards guards(String tenantId, Retry retry, CircuitBreaker breaker, RateLimiterConfig writes, DatabaseClient store) {
        return new GraphGuards(new TenantThrottle(new R2dbcGraphThrottleStore(store), tenantId, clock), breaker, retry,
                RateLimiter.of("test-graph-writes", writes), Duration.ofMillis(20));
    }

    static Retry retry(GraphRetryProperties settings) {
        return Retry.of("test-graph-reads", GraphGuards.readRetry(settings));
    }

    static GraphProperties pointedAt(GraphProperties properties, String simulator, String tenantId, Duration responseTimeout) {
        return new GraphProperties(java.net.URI.create(simulator + "/graph/v1.0"),
                simulator + "/login/{tenant-id}/oauth2/v2.0/token", properties.scope(), tenantId, properties.clientId(),
                properties.clientSecret(), properties.connectTimeout(), responseTimeout);
    }
}
