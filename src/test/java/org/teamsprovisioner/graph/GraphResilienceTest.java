package org.teamsprovisioner.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.teamsprovisioner.provisioning.GraphWorkload;

/**
 * The Graph client's retries, ambiguity, throttling pause and circuit breaker against a simulator
 * over real HTTP with its throttling and fault injection. Each test runs its own simulator and
 * tenant, and a client with its own breaker and retry, so counters start from zero.
 */
class GraphResilienceTest extends FreshGraphClientTest {

    private static final String ALICE = "alice@contoso.com";
    private static final String BOB = "bob@contoso.com";

    private static NewTeam team(String name) {
        return new NewTeam("standard", name, "Built by a resilience test", "private", List.of(ALICE), List.of(), List.of(),
                null, null, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"seconds", "decimal-seconds", "http-date"})
    void throttledReadIsRetriedOnlyOnceRetryAfterHasPassed(String form) {
        try (var simulator = new StandaloneSimulator("throttling.retry-after=" + form, "throttling.retry-after-base=1s",
                "throttling.other=1/1s")) {
            GraphClient graph = clients().client(at(simulator));
            Instant start = Instant.now();

            GraphUser first = graph.findUsers(java.util.List.of(ALICE)).map(found -> found.get(ALICE)).block();
            GraphUser second = graph.findUsers(java.util.List.of(BOB)).map(found -> found.get(BOB)).block();

            assertThat(first.userPrincipalName()).isEqualToIgnoringCase(ALICE);
            assertThat(second.userPrincipalName()).isEqualToIgnoringCase(BOB);
            assertThat(simulator.counters().get("throttledCalls").asLong()).isEqualTo(1);
            assertThat(simulator.counters().get("earlyRetries").asLong()).isZero();
            assertThat(Duration.between(start, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
            assertThat(storedThrottle(simulator.tenantId)).isAfter(start);
        }
    }

    @Test
    void readsAreRetriedThroughBurstsOf503And504() {
        try (var simulator = new StandaloneSimulator("faults.rate=0.4", "faults.seed=7", "faults.routes[0]=GET /users")) {
            GraphRetryProperties patient = new GraphRetryProperties(8, Duration.ofMillis(10), 2, Duration.ofMillis(100),
                    Duration.ofSeconds(5));
            GraphClient graph = clients().client(at(simulator), clients().guards(simulator.tenantId, patient,
                    TestGraphClients.LENIENT_BREAKER));

            for (int i = 0; i < 10; i++) {
                try {
                    String user = i % 2 == 0 ? ALICE : BOB;
                    assertThat(graph.findUsers(java.util.List.of(user)).map(found -> found.get(user)).block()).isNotNull();
                } catch (RuntimeException e) {
                    throw new AssertionError("call " + i + " faults " + simulator.counters(), e);
                }
            }

            assertThat(simulator.faultsInjected()).isGreaterThan(0);
        }
    }

    @Test
    void postAnswered5xxIsNotResentAndIsAmbiguous() {
        try (var simulator = new StandaloneSimulator("faults.rate=1", "faults.routes[0]=POST /teams")) {
            GraphClient graph = clients().client(at(simulator));

            GraphException failed = catchThrowableOfType(GraphException.class,
                    () -> graph.createTeam(team("Faulted " + UUID.randomUUID())).block());

            assertThat(failed.status()).isIn(503, 504);
            assertThat(failed.isAmbiguous()).isTrue();
            assertThat(failed.isPostponement()).isFalse();
            assertThat(simulator.faultsInjected()).as("POST /teams calls that reached Graph").isEqualTo(1);
        }
    }

    @Test
    void postRefusedWith4xxIsNotAmbiguous() {
        try (var simulator = new StandaloneSimulator()) {
            GraphClient graph = clients().client(at(simulator));

            GraphException refused = catchThrowableOfType(GraphException.class, () -> graph.createTeam(
                    new NewTeam("noSuchTemplate", "Refused", null, "private", List.of(ALICE), List.of(), List.of(), null, null,
                            null)).block());

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.isAmbiguous()).isFalse();
        }
    }

    @Test
    void slowReadTimesOutAndIsRetried() {
        try (var simulator = new StandaloneSimulator("faults.latency-min=1500ms", "faults.latency-max=1500ms")) {
            GraphProperties impatient = TestGraphClients.pointedAt(properties, simulator.root(), simulator.tenantId,
                    Duration.ofMillis(1000));
            Retry retry = TestGraphClients.retry(new GraphRetryProperties(2, Duration.ofMillis(10), 2, Duration.ofMillis(50),
                    Duration.ofSeconds(5)));
            GraphClient graph = clients().client(impatient, clients().guards(simulator.tenantId, retry,
                    CircuitBreaker.of("slow", TestGraphClients.LENIENT_BREAKER), db));

            GraphException timedOut = catchThrowableOfType(GraphException.class, () -> graph.findUsers(java.util.List.of(ALICE)).map(found -> found.get(ALICE)).block());

            assertThat(timedOut.status()).isZero();
            assertThat(timedOut.isTransient()).isTrue();
            assertThat(timedOut.isAmbiguous()).isFalse();
            assertThat(retry.getMetrics().getNumberOfFailedCallsWithRetryAttempt()).isEqualTo(1);
        }
    }

    @Test
    void slowPostTimesOutAsAmbiguousWhileGraphCreatedTheTeam() throws InterruptedException {
        try (var simulator = new StandaloneSimulator("faults.latency-min=1500ms", "faults.latency-max=1500ms")) {
            GraphProperties impatient = TestGraphClients.pointedAt(properties, simulator.root(), simulator.tenantId,
                    Duration.ofMillis(1000));
            GraphClient graph = clients().client(impatient);
            String name = "Slow " + UUID.randomUUID();

            GraphException timedOut = catchThrowableOfType(GraphException.class, () -> graph.createTeam(team(name)).block());
            Thread.sleep(700);

            assertThat(timedOut.status()).isZero();
            assertThat(timedOut.isAmbiguous()).isTrue();
            assertThat(simulator.counters().get("teamsCreatedByDisplayName").get(name).asLong()).isEqualTo(1);
        }
    }

    @Test
    void breakerOpensAfterRepeated5xxAndThenCallsNeverReachGraph() {
        try (var simulator = new StandaloneSimulator("faults.rate=1", "faults.routes[0]=GET /users")) {
            CircuitBreaker breaker = CircuitBreaker.of("outage", CircuitBreakerConfig.custom()
                    .recordException(new GraphOutage())
                    .slidingWindowSize(4)
                    .minimumNumberOfCalls(4)
                    .failureRateThreshold(50)
                    .waitDurationInOpenState(Duration.ofSeconds(30))
                    .build());
            Retry once = TestGraphClients.retry(new GraphRetryProperties(1, Duration.ofMillis(10), 2, Duration.ofMillis(10),
                    Duration.ofSeconds(5)));
            GraphClient graph = clients().client(at(simulator),
                    clients().guards(simulator.tenantId, once, breaker, db));

            for (int i = 0; i < 4; i++) {
                assertThat(catchThrowableOfType(GraphException.class, () -> graph.findUsers(java.util.List.of(ALICE)).map(found -> found.get(ALICE)).block()).status()).isIn(503, 504);
            }
            GraphException postponed = catchThrowableOfType(GraphException.class, () -> graph.findUsers(java.util.List.of(ALICE)).map(found -> found.get(ALICE)).block());

            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
            assertThat(postponed.code()).isEqualTo(GraphException.CIRCUIT_OPEN);
            assertThat(postponed.isPostponement()).isTrue();
            assertThat(postponed.retryAfter()).contains(Duration.ofSeconds(30));
            assertThat(simulator.faultsInjected()).isEqualTo(4);
        }
    }

    @Test
    void notFoundAnswersDoNotOpenTheBreaker() {
        try (var simulator = new StandaloneSimulator()) {
            CircuitBreaker breaker = CircuitBreaker.of("not-found", CircuitBreakerConfig.custom()
                    .recordException(new GraphOutage()).slidingWindowSize(2).minimumNumberOfCalls(2).build());
            GraphClient graph = clients().client(at(simulator), clients().guards(simulator.tenantId,
                    TestGraphClients.retry(TestGraphClients.FAST_RETRY), breaker, db));

            for (int i = 0; i < 3; i++) {
                catchThrowableOfType(GraphException.class, () -> graph.getTeam(UUID.randomUUID().toString()).block());
            }

            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        }
    }

    @Test
    void callsRefusedDuringAThrottlingPauseNeverCountInTheBreaker() {
        try (var simulator = new StandaloneSimulator("throttling.other=1/30s", "throttling.retry-after-base=20s")) {
            CircuitBreaker breaker = CircuitBreaker.of("paused", TestGraphClients.LENIENT_BREAKER);
            Retry once = TestGraphClients.retry(new GraphRetryProperties(1, Duration.ofMillis(10), 2, Duration.ofMillis(10),
                    Duration.ofSeconds(1)));
            GraphClient graph = clients().client(at(simulator), clients().guards(simulator.tenantId, once, breaker, db));

            graph.findUsers(java.util.List.of(ALICE)).map(found -> found.get(ALICE)).block();
            GraphException throttled = catchThrowableOfType(GraphException.class, () -> graph.findUsers(java.util.List.of(BOB)).map(found -> found.get(BOB)).block());
            for (int i = 0; i < 5; i++) {
                GraphException paused = catchThrowableOfType(GraphException.class, () -> graph.findUsers(java.util.List.of(BOB)).map(found -> found.get(BOB)).block());
                assertThat(paused.code()).isEqualTo(GraphException.TENANT_THROTTLED);
            }

            assertThat(throttled.status()).isEqualTo(429);
            // Two calls reached Graph (200 and 429, both "successes" for a breaker); the five refused here are not calls at all.
            assertThat(breaker.getMetrics().getNumberOfBufferedCalls()).isEqualTo(2);
            assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
            assertThat(simulator.counters().get("earlyRetries").asLong()).isZero();
        }
    }

    @Test
    void throttledTeamCreationDoesNotPauseDirectoryReads() {
        try (var simulator = new StandaloneSimulator("throttling.create-team=1/30s", "throttling.retry-after-base=20s")) {
            GraphClient graph = clients().client(at(simulator));

            graph.createTeam(team("First " + UUID.randomUUID())).block();
            GraphException throttled = catchThrowableOfType(GraphException.class,
                    () -> graph.createTeam(team("Second " + UUID.randomUUID())).block());
            GraphException paused = catchThrowableOfType(GraphException.class,
                    () -> graph.createTeam(team("Third " + UUID.randomUUID())).block());
            GraphUser user = graph.findUsers(java.util.List.of(ALICE)).map(found -> found.get(ALICE)).block();

            assertThat(throttled.status()).isEqualTo(429);
            assertThat(throttled.isAmbiguous()).isFalse();
            assertThat(paused.code()).isEqualTo(GraphException.TENANT_THROTTLED);
            assertThat(paused.isPostponement()).isTrue();
            assertThat(user.userPrincipalName()).isEqualToIgnoringCase(ALICE);
            assertThat(simulator.counters().get("callsByRoute").get("POST /teams 429").asLong()).isEqualTo(1);
            assertThat(simulator.counters().get("earlyRetries").asLong()).isZero();
        }
    }

    @Test
    void failedTokenRequestsDoNotCountInTheBreaker() {
        try (var simulator = new StandaloneSimulator()) {
            GraphProperties wrongSecret = new GraphProperties(java.net.URI.create(simulator.root() + "/graph/v1.0"),
                    simulator.root() + "/login/{tenant-id}/oauth2/v2.0/token", properties.scope(), simulator.tenantId,
                    properties.clientId(), "not-the-secret", properties.connectTimeout(), properties.responseTimeout(),
                    properties.tokenRefreshBefore());
            CircuitBreaker breaker = CircuitBreaker.of("token", CircuitBreakerConfig.from(TestGraphClients.LENIENT_BREAKER)
                    .minimumNumberOfCalls(2).slidingWindowSize(2).build());
            GraphClient graph = clients().client(wrongSecret, clients().guards(simulator.tenantId,
                    TestGraphClients.retry(TestGraphClients.FAST_RETRY), breaker, db));

            for (int i = 0; i < 3; i++) {
                assertThat(catchThrowableOfType(GraphException.class, () -> graph.getTeam(UUID.randomUUID().toString()).block()).code())
                        .isEqualTo("TokenRequestFailed");
            }

            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
            assertThat(breaker.getMetrics().getNumberOfBufferedCalls()).isZero();
        }
    }

    private Instant storedThrottle(String tenantId) {
        return new R2dbcGraphWorkloadStore(db).pausedUntil(tenantId, GraphWorkload.DIRECTORY).block();
    }
}
