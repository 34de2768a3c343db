package org.teamsprovisioner.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.teamsprovisioner.support.PostgresDatabase;

/**
 * Two replicas (two Graph clients, each with its own throttle memory, breaker and retry) on one
 * PostgreSQL database and one simulated tenant: a 429 one of them gets pauses the other too.
 */
class SharedThrottlePostgresTest {

    @Test
    void throttlingSeenByOneReplicaStopsTheOtherFromCallingGraphUntilRetryAfter() {
        PostgresDatabase postgres = PostgresDatabase.fresh();
        Flyway.configure().dataSource(postgres.jdbcUrl(), postgres.user(), postgres.password()).load().migrate();
        DatabaseClient db = DatabaseClient.create(ConnectionFactories.get(ConnectionFactoryOptions.parse(postgres.r2dbcUrl())
                .mutate()
                .option(ConnectionFactoryOptions.USER, postgres.user())
                .option(ConnectionFactoryOptions.PASSWORD, postgres.password())
                .build()));
        Clock clock = Clock.systemUTC();
        GraphProperties defaults = new GraphProperties(java.net.URI.create("http://unused"), "http://unused", "https://graph.microsoft.com/.default",
                "unused", "sandbox-client", "sandbox-secret", Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofMinutes(5));
        // Retry-After of 20 s is above the cap of 1 s: neither replica waits in-process, both must reschedule.
        GraphRetryProperties capped = new GraphRetryProperties(3, Duration.ofMillis(10), 2, Duration.ofMillis(50), Duration.ofSeconds(1));

        try (var simulator = new StandaloneSimulator("throttling.other=1/30s", "throttling.retry-after-base=20s")) {
            GraphProperties settings = TestGraphClients.pointedAt(defaults, simulator.root(), simulator.tenantId, Duration.ofSeconds(10));
            TestGraphClients clients = new TestGraphClients(WebClient.builder(), db, clock);
            GraphClient first = clients.client(settings, clients.guards(simulator.tenantId, TestGraphClients.retry(capped),
                    CircuitBreaker.of("first", TestGraphClients.LENIENT_BREAKER), db));
            GraphClient second = clients.client(settings, clients.guards(simulator.tenantId, TestGraphClients.retry(capped),
                    CircuitBreaker.of("second", TestGraphClients.LENIENT_BREAKER), db));

            first.findUsers(java.util.List.of("alice@contoso.com")).map(found -> found.get("alice@contoso.com")).block();
            GraphException throttled = catchThrowableOfType(GraphException.class, () -> first.findUsers(java.util.List.of("bob@contoso.com")).map(found -> found.get("bob@contoso.com")).block());
            GraphException paused = catchThrowableOfType(GraphException.class, () -> second.findUsers(java.util.List.of("bob@contoso.com")).map(found -> found.get("bob@contoso.com")).block());

            assertThat(throttled.status()).isEqualTo(429);
            assertThat(throttled.retryAfter()).hasValueSatisfying(wait -> assertThat(wait).isGreaterThanOrEqualTo(Duration.ofSeconds(20)));
            assertThat(paused.code()).isEqualTo(GraphException.TENANT_THROTTLED);
            assertThat(paused.isPostponement()).isTrue();
            Duration announced = throttled.retryAfter().orElseThrow();
            assertThat(paused.retryAfter()).hasValueSatisfying(wait -> assertThat(wait).isBetween(announced.minusSeconds(5), announced));
            Map<String, Object> counters = Map.of("throttledCalls", simulator.counters().get("throttledCalls").asLong(),
                    "earlyRetries", simulator.counters().get("earlyRetries").asLong());
            assertThat(counters).as("the second replica never reached Graph").isEqualTo(Map.of("throttledCalls", 1L, "earlyRetries", 0L));
        }
    }
}
