package org.teamsprovisioner.support;

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
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Many portal callers at once, as tests of correctness at scale need them: a bulk of submits spread
 * over replicas, a watch on every replica's Graph breakers while it runs, and the requests' end
 * states read from the database.
 */
public final class Portals implements AutoCloseable {

    private final ExecutorService threads;
    private final AtomicBoolean watching = new AtomicBoolean(true);
    private final Set<String> breakerAlarms = ConcurrentHashMap.newKeySet();
    private Future<?> watch;

    public Portals(int callers) {
        threads = Executors.newFixedThreadPool(callers + 1);
    }

    /** Watches {@code replicas}' {@code /actuator/health/graph} every 200 ms until {@link #close}; see {@link #breakerAlarms}. */
    public void watchBreakers(List<? extends ServiceTestSupport> replicas) {
        watch = threads.submit(() -> {
            while (watching.get()) {
                for (ServiceTestSupport replica : replicas) {
                    JsonNode health = replica.management().get().uri("/actuator/health/graph").exchange()
                            .returnResult(JsonNode.class).getResponseBody().blockFirst(Duration.ofSeconds(10));
                    health.path("components").path("circuitBreakers").path("details").properties().forEach(breaker -> {
                        String state = breaker.getValue().path("details").path("state").asString();
                        if (!"CLOSED".equals(state)) {
                            breakerAlarms.add(breaker.getKey() + " " + state);
                        }
                    });
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** Breakers seen in another state than CLOSED, e.g. {@code graph-directory OPEN}. */
    public Set<String> breakerAlarms() throws Exception {
        watching.set(false);
        if (watch != null) {
            watch.get(20, TimeUnit.SECONDS);
        }
        return breakerAlarms;
    }

    /**
     * Submits {@code names.size()} requests at once, round robin over {@code replicas}, each with
     * its own Idempotency-Key.
     *
     * @return the HTTP status of each submit
     */
    public List<Integer> submitAll(List<? extends ServiceTestSupport> replicas, String token, List<String> names, String owners,
            String members) throws Exception {
        List<Future<Integer>> submits = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            ServiceTestSupport replica = replicas.get(i % replicas.size());
            submits.add(threads.submit(() -> replica.http().post().uri("/api/v1/team-requests")
                    .headers(h -> h.setBearerAuth(token))
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"displayName\":\"" + name + "\",\"owners\":" + owners + ",\"members\":" + members + "}")
                    .exchange().returnResult(JsonNode.class).getStatus().value()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> submit : submits) {
            statuses.add(submit.get(90, TimeUnit.SECONDS));
        }
        return statuses;
    }

    public static List<String> uniqueNames(String prefix, int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(prefix + " " + i + " " + UUID.randomUUID().toString().substring(0, 8));
        }
        return names;
    }

    /** Waits until {@code count} requests are SUCCEEDED or FAILED; returns the count per status. */
    public static Map<String, Long> awaitEnded(PostgresDatabase db, int count, Duration limit) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        Map<String, Long> counts = countByStatus(db);
        while (Instant.now().isBefore(deadline)) {
            counts = countByStatus(db);
            if (counts.getOrDefault("SUCCEEDED", 0L) + counts.getOrDefault("FAILED", 0L) == count) {
                return counts;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not all requests ended within " + limit + ": " + counts);
    }

    public static Map<String, Long> countByStatus(PostgresDatabase db) throws SQLException {
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select status, count(*) from team_request group by status")) {
            Map<String, Long> counts = new TreeMap<>();
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
            return counts;
        }
    }

    @Override
    public void close() {
        watching.set(false);
        threads.shutdownNow();
    }
}
