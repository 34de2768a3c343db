package org.teamsprovisioner.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.teamsprovisioner.support.PostgresDatabase;
import org.teamsprovisioner.support.RunningService;
import org.teamsprovisioner.support.SharedTenant;
import tools.jackson.databind.JsonNode;

/**
 * A bulk far beyond Graph's {@code POST /teams} limit, submitted by many portal callers at once to
 * two replicas on PostgreSQL, against the simulator's throttling at Microsoft's limits. Correctness
 * at scale, not speed: every submit is accepted (no 503: the directory reads stay apart from the
 * writes' backlog), no breaker opens, Graph never has to throttle the service and no call comes
 * before a Retry-After, and every request ends SUCCEEDED with exactly one team.
 */
class BulkAtGraphsLimitTest {

    // 240 POST /teams at 10 per second: twice what the simulator's bucket (100, refilled at 10/s)
    // absorbs, so two replicas pacing themselves separately at 10/s each would be throttled.
    private static final int REQUESTS = 240;
    private static final int PORTALS = 16;

    @Test
    void bulkBeyondThePostTeamsLimitIsAcceptedAtOnceAndDrainsWithoutThrottling() throws Exception {
        try (SharedTenant tenant = new SharedTenant(List.of("operations.not-started=100ms", "operations.in-progress=300ms"),
                Map.of())) {
            List<RunningService> replicas = List.of(tenant.replica(), tenant.replica());
            String token = tenant.userToken("alice@contoso.com");
            AtomicBoolean submitting = new AtomicBoolean(true);
            Set<String> breakerAlarms = ConcurrentHashMap.newKeySet();
            ExecutorService threads = Executors.newFixedThreadPool(PORTALS + 1);
            try {
                Future<?> watch = threads.submit(() -> watchBreakers(replicas, submitting, breakerAlarms));
                List<Future<Integer>> submits = new ArrayList<>();
                List<String> names = new ArrayList<>();
                for (int i = 0; i < REQUESTS; i++) {
                    String name = "Bulk " + i + " " + UUID.randomUUID().toString().substring(0, 8);
                    names.add(name);
                    RunningService replica = replicas.get(i % replicas.size());
                    submits.add(threads.submit(() -> replica.http().post().uri("/api/v1/team-requests")
                            .headers(h -> h.setBearerAuth(token))
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .contentType(MediaType.APPLICATION_JSON)
                            .bodyValue("{\"displayName\":\"" + name + "\",\"owners\":[\"alice@contoso.com\"],"
                                    + "\"members\":[\"bob@contoso.com\"]}")
                            .exchange().returnResult(JsonNode.class).getStatus().value()));
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> submit : submits) {
                    statuses.add(submit.get(60, TimeUnit.SECONDS));
                }
                assertThat(statuses).as("portal answers").containsOnly(202);

                awaitAllEnded(tenant.database(), Duration.ofSeconds(120));
                submitting.set(false);
                watch.get(10, TimeUnit.SECONDS);

                assertThat(countByStatus(tenant.database())).isEqualTo(Map.of("SUCCEEDED", (long) REQUESTS));
                JsonNode counters = tenant.graphState().get("counters");
                JsonNode created = counters.get("teamsCreatedByDisplayName");
                for (String name : names) {
                    assertThat(created.get(name).asInt()).as("teams created for '%s'", name).isEqualTo(1);
                }
                JsonNode calls = counters.get("callsByRoute");
                assertThat(calls.path("POST /teams 202").asInt()).isEqualTo(REQUESTS);
                assertThat(counters.get("throttledCalls").asLong()).as("429s %s", calls).isZero();
                assertThat(counters.get("earlyRetries").asLong()).isZero();
                assertThat(calls.path("GET /teams/{id}/operations/{id} 200").asDouble() / REQUESTS)
                        .as("operation polls per team").isLessThanOrEqualTo(4.0);
                assertThat(breakerAlarms).as("breakers seen open").isEmpty();
            } finally {
                submitting.set(false);
                threads.shutdownNow();
            }
        }
    }

    /** Every 200 ms: each replica's Graph breakers, as /actuator/health/graph reports them. */
    private static void watchBreakers(List<RunningService> replicas, AtomicBoolean running, Set<String> alarms) {
        while (running.get()) {
            for (RunningService replica : replicas) {
                JsonNode health = replica.http().get().uri("/actuator/health/graph").exchange()
                        .returnResult(JsonNode.class).getResponseBody().blockFirst(Duration.ofSeconds(10));
                health.path("components").path("circuitBreakers").path("details").properties().forEach(breaker -> {
                    String state = breaker.getValue().path("details").path("state").asString();
                    if (!"CLOSED".equals(state)) {
                        alarms.add(breaker.getKey() + " " + state);
                    }
                });
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void awaitAllEnded(PostgresDatabase db, Duration limit) throws InterruptedException, SQLException {
        Instant deadline = Instant.now().plus(limit);
        Map<String, Long> counts = countByStatus(db);
        while (Instant.now().isBefore(deadline)) {
            counts = countByStatus(db);
            long ended = counts.getOrDefault("SUCCEEDED", 0L) + counts.getOrDefault("FAILED", 0L);
            if (ended == REQUESTS) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not all requests ended within " + limit + ": " + counts);
    }

    private static Map<String, Long> countByStatus(PostgresDatabase db) throws SQLException {
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select status, count(*) from team_request group by status")) {
            Map<String, Long> counts = new java.util.TreeMap<>();
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
            return counts;
        }
    }
}
