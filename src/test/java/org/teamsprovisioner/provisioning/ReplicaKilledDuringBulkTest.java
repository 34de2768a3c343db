package org.teamsprovisioner.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teamsprovisioner.support.FreePort;
import org.teamsprovisioner.support.PostgresDatabase;
import org.teamsprovisioner.support.Portals;
import org.teamsprovisioner.support.RunningService;
import org.teamsprovisioner.support.SharedTenant;
import tools.jackson.databind.JsonNode;

/**
 * A bulk submitted to two replicas while one of them, a JVM of its own, is killed with SIGKILL and
 * restarted, twice. Portals do what the API asks of them: an Idempotency-Key per request, and the
 * same request again (to the other replica) when a call gets no answer. Nothing is lost, nothing is
 * stored twice, and every request ends SUCCEEDED with exactly one team.
 */
class ReplicaKilledDuringBulkTest {

    private static final int REQUESTS = 120;
    private static final int PORTALS = 8;
    private static final int KILLS = 2;

    @Test
    void replicaKilledTwiceDuringABulkLosesAndDoublesNothing() throws Exception {
        // POST /teams paced at 3 per second, so the bulk (40 s) outlasts two kills and restarts.
        try (SharedTenant tenant = new SharedTenant(List.of("operations.not-started=100ms", "operations.in-progress=300ms"),
                Map.of("provisioner.graph.pacing.create-team", "3/1s"))) {
            int portA = FreePort.find();
            AtomicReference<Process> replicaA = new AtomicReference<>(tenant.replicaJvm(portA));
            RunningService replicaB = tenant.replica();
            WebTestClient a = SharedTenant.client(portA);
            String token = tenant.userToken("alice@contoso.com");
            List<String> names = Portals.uniqueNames("Killed", REQUESTS);
            ExecutorService threads = Executors.newFixedThreadPool(PORTALS + 1);
            try {
                // Kills A once a tenth of the bulk has succeeded and again as soon as it is back, counting
                // the kills made while requests were still being provisioned.
                Future<Integer> killer = threads.submit(() -> {
                    int midFlight = 0;
                    awaitSucceeded(tenant.database(), REQUESTS / 10);
                    for (int kill = 0; kill < KILLS; kill++) {
                        Map<String, Long> before = Portals.countByStatus(tenant.database());
                        replicaA.get().destroyForcibly().waitFor();
                        if (before.getOrDefault("SUCCEEDED", 0L) < REQUESTS) {
                            midFlight++;
                        }
                        replicaA.set(tenant.replicaJvm(portA));
                    }
                    return midFlight;
                });
                List<Future<Integer>> portals = new ArrayList<>();
                for (int p = 0; p < PORTALS; p++) {
                    int portal = p;
                    portals.add(threads.submit(() -> {
                        int retried = 0;
                        for (int i = portal; i < REQUESTS; i += PORTALS) {
                            String key = UUID.randomUUID().toString();
                            String body = "{\"displayName\":\"" + names.get(i) + "\",\"owners\":[\"alice@contoso.com\"]}";
                            if (submit(i % 2 == 0 ? a : replicaB.http(), token, key, body) != 202) {
                                retried++;
                                assertThat(submit(replicaB.http(), token, key, body)).isEqualTo(202);
                            }
                            Thread.sleep(250);
                        }
                        return retried;
                    }));
                }
                int retried = 0;
                for (Future<Integer> portal : portals) {
                    retried += portal.get(120, TimeUnit.SECONDS);
                }
                assertThat(killer.get(240, TimeUnit.SECONDS)).as("kills while requests were in flight").isEqualTo(KILLS);

                Map<String, Long> ended = Portals.awaitEnded(tenant.database(), REQUESTS, Duration.ofSeconds(120));

                assertThat(ended).as("end states (%d submits repeated to the other replica)", retried)
                        .isEqualTo(Map.of("SUCCEEDED", (long) REQUESTS));
                assertThat(requestsByName(tenant.database())).as("requests stored per name")
                        .hasSize(REQUESTS).allSatisfy((name, count) -> assertThat(count).as(name).isEqualTo(1));
                JsonNode created = tenant.graphState().get("counters").get("teamsCreatedByDisplayName");
                for (String name : names) {
                    assertThat(created.path(name).asInt()).as("teams created for '%s'", name).isEqualTo(1);
                }
            } finally {
                threads.shutdownNow();
            }
        }
    }

    private static void awaitSucceeded(PostgresDatabase db, long count) throws Exception {
        while (Portals.countByStatus(db).getOrDefault("SUCCEEDED", 0L) < count) {
            Thread.sleep(100);
        }
    }

    /** @return the status, or 0 when the replica gave no answer (killed, or not up yet) */
    private static int submit(WebTestClient replica, String token, String key, String body) {
        try {
            return replica.post().uri("/api/v1/team-requests")
                    .headers(h -> h.setBearerAuth(token))
                    .header("Idempotency-Key", key)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body)
                    .exchange().returnResult(JsonNode.class).getStatus().value();
        } catch (RuntimeException noAnswer) {
            return 0;
        }
    }

    private static Map<String, Long> requestsByName(PostgresDatabase db) throws Exception {
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select display_name, count(*) from team_request group by display_name")) {
            Map<String, Long> counts = new java.util.HashMap<>();
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
            return counts;
        }
    }
}
