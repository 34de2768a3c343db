package org.teamsprovisioner.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.standardwebhooks.Webhook;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.teamsprovisioner.support.Portals;
import org.teamsprovisioner.support.PostgresDatabase;
import org.teamsprovisioner.support.RunningService;
import org.teamsprovisioner.support.SharedTenant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Correctness at scale, not speed: one subscriber receives the events of {@value #REQUESTS} requests
 * submitted at once to two prod replicas on one PostgreSQL, both fanning out and delivering. Every
 * event reaches it exactly once (no replica dies here, so the at-least-once repeat has no cause),
 * each request's events arrive in the order of its history, and every signature verifies. Graph's
 * pace is raised and the simulator's throttling off: the load is on the webhooks, not on Graph.
 */
class WebhookDeliveryAtScaleTest {

    private static final int REQUESTS = 300;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SUCCEEDED = "org.teamsprovisioner.teamrequest.succeeded";

    @Test
    void oneSubscriberGetsEveryEventOfManyConcurrentRequestsOnceInHistoryOrderEachSigned() throws Exception {
        Map<String, Object> settings = Map.of("provisioner.webhooks.allow-http", "true",
                "provisioner.webhooks.allowed-networks", "127.0.0.0/8",
                "provisioner.webhooks.fan-out-interval", "200ms", "provisioner.webhooks.polling-interval", "300ms",
                "provisioner.webhooks.threads", "8", "provisioner.webhooks.max-concurrent-per-subscription", "8",
                "provisioner.graph.pacing.create-team", "100/1s");
        try (TestReceiver receiver = new TestReceiver();
                SharedTenant tenant = new SharedTenant(List.of("throttling.enabled=false", "operations.not-started=100ms",
                        "operations.in-progress=200ms"), settings);
                Portals portals = new Portals(16)) {
            List<RunningService> replicas = List.of(tenant.replica(), tenant.replica());
            String app = tenant.appToken("bulk-hooked-app", WebhookDeliveryH2Test.SUBMIT, WebhookDeliveryH2Test.WEBHOOKS);
            String secret = replicas.get(0).http().post().uri("/api/v1/webhooks").headers(h -> h.setBearerAuth(app))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("url", receiver.url("/bulk"), "types", EventTypes.all()))
                    .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                    .get("secret").asString();

            List<Integer> statuses = portals.submitAll(replicas, app, Portals.uniqueNames("Hooked", REQUESTS),
                    "[\"alice@contoso.com\"]", "[]");
            assertThat(statuses).as("submits").containsOnly(202);
            assertThat(Portals.awaitEnded(tenant.database(), REQUESTS, Duration.ofSeconds(120)))
                    .isEqualTo(Map.of("SUCCEEDED", (long) REQUESTS));
            Map<String, List<Long>> history = history(tenant.database());
            long events = history.values().stream().mapToLong(List::size).sum();
            awaitAllDelivered(tenant.database(), events, Duration.ofSeconds(120));

            List<TestReceiver.Received> got = receiver.at("/bulk");
            Map<String, Long> perWebhookId = got.stream().collect(Collectors.groupingBy(r -> r.header("webhook-id"), Collectors.counting()));
            assertThat(perWebhookId.values()).as("sends per webhook-id").containsOnly(1L);
            assertThat(perWebhookId.keySet()).as("webhook-ids").containsExactlyInAnyOrderElementsOf(deliveryIds(tenant.database()));
            assertThat(got).as("one send per event").hasSize((int) events);

            Map<String, List<JsonNode>> bySubject = new LinkedHashMap<>();
            for (TestReceiver.Received r : got) {
                new Webhook(secret).verify(r.body(), Map.of("webhook-id", List.of(r.header("webhook-id")),
                        "webhook-timestamp", List.of(r.header("webhook-timestamp")), "webhook-signature", List.of(r.header("webhook-signature"))));
                JsonNode event = JSON.readTree(r.body());
                bySubject.computeIfAbsent(event.get("subject").asString(), subject -> new ArrayList<>()).add(event);
            }
            assertThat(bySubject.keySet()).as("requests heard of").containsExactlyInAnyOrderElementsOf(history.keySet());
            bySubject.forEach((request, received) -> {
                assertThat(received).extracting(event -> Long.parseLong(event.get("sequence").asString()))
                        .as("events of %s in the order received", request).containsExactlyElementsOf(history.get(request));
                List<JsonNode> succeeded = received.stream().filter(event -> event.get("type").asString().equals(SUCCEEDED)).toList();
                assertThat(succeeded).as("succeeded of %s", request).hasSize(1);
                assertThat(succeeded.get(0).get("data").get("status").asString()).isEqualTo("SUCCEEDED");
                assertThat(received.get(received.size() - 1)).as("succeeded is %s's last event", request).isSameAs(succeeded.get(0));
            });
        }
    }

    /** Each request's event ids, in the order of its history. */
    private static Map<String, List<Long>> history(PostgresDatabase db) throws SQLException {
        Map<String, List<Long>> history = new TreeMap<>();
        query(db, "select request_id, id from team_request_event order by request_id, id",
                rows -> history.computeIfAbsent(rows.getString(1), id -> new ArrayList<>()).add(rows.getLong(2)));
        return history;
    }

    private static List<String> deliveryIds(PostgresDatabase db) throws SQLException {
        List<String> ids = new ArrayList<>();
        query(db, "select id from webhook_delivery", rows -> ids.add(rows.getString(1)));
        return ids;
    }

    /** Waits until every event has its delivery and every delivery is DELIVERED (none may fail: the receiver always takes them). */
    private static void awaitAllDelivered(PostgresDatabase db, long events, Duration limit) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        Map<String, Long> counts = Map.of();
        while (Instant.now().isBefore(deadline)) {
            Map<String, Long> byStatus = new TreeMap<>();
            query(db, "select status, count(*) from webhook_delivery group by status", rows -> byStatus.put(rows.getString(1), rows.getLong(2)));
            counts = byStatus;
            if (counts.equals(Map.of("DELIVERED", events))) {
                return;
            }
            assertThat(counts).as("deliveries by status").doesNotContainKeys("FAILED", "CANCELLED");
            Thread.sleep(250);
        }
        throw new AssertionError("not all " + events + " events delivered within " + limit + ": " + counts);
    }

    private interface RowReader {
        void read(ResultSet rows) throws SQLException;
    }

    private static void query(PostgresDatabase db, String sql, RowReader reader) throws SQLException {
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                reader.read(rows);
            }
        }
    }
}
