package org.teamsprovisioner.graph;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.teamsprovisioner.provisioning.GraphWorkload;
import tools.jackson.databind.json.JsonMapper;

/**
 * Graph clients built as the application builds its own, but with their own token cache, breakers,
 * retry and throttle memory, so a test starts from zero and sees only its own calls.
 */
final class TestGraphClients {

    static final GraphRetryProperties FAST_RETRY = new GraphRetryProperties(4, Duration.ofMillis(20), 2, Duration.ofMillis(200),
            Duration.ofSeconds(5));

    static final CircuitBreakerConfig LENIENT_BREAKER = CircuitBreakerConfig.custom()
            .recordException(new GraphOutage())
            .ignoreException(new NotGraphsOutcome())
            .minimumNumberOfCalls(1000)
            .build();

    private final WebClient.Builder webClients;
    private final DatabaseClient db;
    private final Clock clock;

    TestGraphClients(WebClient.Builder webClients, DatabaseClient db, Clock clock) {
        this.webClients = webClients;
        this.db = db;
        this.clock = clock;
    }

    /** With the running service's web client builder, database and clock. */
    static TestGraphClients of(ApplicationContext service) {
        return new TestGraphClients(service.getBean(WebClient.Builder.class), service.getBean(DatabaseClient.class),
                service.getBean(Clock.class));
    }

    /** The same, on another clock. */
    TestGraphClients at(Clock other) {
        return new TestGraphClients(webClients, db, other);
    }

    GraphClient client(GraphProperties properties) {
        return client(properties, guards(properties.tenantId(), FAST_RETRY, LENIENT_BREAKER));
    }

    GraphClient client(GraphProperties properties, GraphGuards guards) {
        return new GraphClientConfiguration().graphClient(webClients, properties, clock, guards, JsonMapper.builder().build(),
                new SimpleMeterRegistry());
    }

    /** Guards with one breaker of this configuration per workload. */
    GraphGuards guards(String tenantId, GraphRetryProperties retry, CircuitBreakerConfig breaker) {
        return new GraphGuards(pauses(tenantId, db), workload -> CircuitBreaker.of("test-" + GraphGuards.breakerName(workload), breaker),
                retry(retry), Duration.ofMillis(20));
    }

    /** Guards whose every workload shares {@code breaker}, so a test can watch it. */
    GraphGuards guards(String tenantId, Retry retry, CircuitBreaker breaker, DatabaseClient store) {
        return new GraphGuards(pauses(tenantId, store), workload -> breaker, retry, Duration.ofMillis(20));
    }

    WorkloadPauses pauses(String tenantId, DatabaseClient store) {
        return new WorkloadPauses(new R2dbcGraphWorkloadStore(store), DEFAULT_PACING, tenantId, clock, new SimpleMeterRegistry());
    }

    static final GraphPacingProperties DEFAULT_PACING = new GraphPacingProperties(CallRate.valueOf("10/1s"), CallRate.valueOf("30/1s"),
            CallRate.valueOf("30/1s"), CallRate.valueOf("30/1s"), CallRate.valueOf("3500/10s"), Duration.ofSeconds(2));

    static Retry retry(GraphRetryProperties settings) {
        return Retry.of("test-graph-reads", GraphGuards.readRetry(settings));
    }

    /** The same settings with another credential, the secret dropped unless it is the client-secret type. */
    static GraphProperties withCredential(GraphProperties properties, String clientId, GraphCredentialProperties credential) {
        return new GraphProperties(properties.baseUrl(), properties.authorityHost(), properties.tokenUri(), properties.scope(),
                properties.tenantId(), clientId,
                credential.type() == GraphCredentialProperties.Type.CLIENT_SECRET ? properties.clientSecret() : null, credential,
                properties.connectTimeout(), properties.responseTimeout(), properties.tokenRefreshBefore());
    }

    static GraphProperties pointedAt(GraphProperties properties, String simulator, String tenantId, Duration responseTimeout) {
        return new GraphProperties(java.net.URI.create(simulator + "/graph/v1.0"),
                simulator + "/login/{tenant-id}/oauth2/v2.0/token", properties.scope(), tenantId, properties.clientId(),
                properties.clientSecret(), properties.connectTimeout(), responseTimeout, properties.tokenRefreshBefore());
    }
}
