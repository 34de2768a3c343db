package org.teamsprovisioner.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teamsprovisioner.support.FreePort;
import org.teamsprovisioner.support.RunningService;
import org.teamsprovisioner.support.SharedTenant;
import tools.jackson.databind.JsonNode;

/**
 * Two prod replicas on one PostgreSQL. Replica A, a JVM of its own, is killed with SIGKILL while its
 * delivery is on the wire (the receiver holds the request open); replica B revives the delivery's job
 * when A's heartbeats stop and sends it again: the receiver sees the same webhook-id twice, never a
 * third time, and nothing is lost.
 */
class WebhookReplicaKilledTest {

    @Test
    void replicaKilledMidDeliveryLeavesItToAnotherThatSendsTheSameWebhookIdOnceMore() throws Exception {
        CountDownLatch stuck = new CountDownLatch(1);
        Map<String, Object> settings = Map.of("provisioner.webhooks.allow-http", "true", "provisioner.webhooks.allowed-networks", "127.0.0.0/8",
                "provisioner.webhooks.fan-out-interval", "200ms", "provisioner.webhooks.polling-interval", "300ms",
                "provisioner.webhooks.heartbeat-interval", "500ms", "provisioner.webhooks.timeout", "60s");
        try (TestReceiver receiver = new TestReceiver();
                SharedTenant tenant = new SharedTenant(List.of("operations.not-started=100ms", "operations.in-progress=300ms"), settings)) {
            receiver.script("/killed", new TestReceiver.Answer(200, Duration.ZERO, stuck, Map.of()));
            int portA = FreePort.find();
            Process replicaA = tenant.replicaJvm(portA);
            WebTestClient a = SharedTenant.client(portA);
            String app = tenant.appToken("killed-app", WebhookDeliveryH2Test.SUBMIT, WebhookDeliveryH2Test.WEBHOOKS);
            String subscription = a.post().uri("/api/v1/webhooks").headers(h -> h.setBearerAuth(app)).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("url", receiver.url("/killed"), "types", List.of("org.teamsprovisioner.teamrequest.submitted")))
                    .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
            a.post().uri("/api/v1/team-requests").headers(h -> h.setBearerAuth(app)).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"displayName\":\"Killed mid-delivery\",\"owners\":[\"alice@contoso.com\"]}")
                    .exchange().expectStatus().isAccepted();
            receiver.await("/killed", got -> got.size() == 1, Duration.ofSeconds(30));

            replicaA.destroyForcibly().waitFor();
            RunningService replicaB = tenant.replica(settings);

            List<TestReceiver.Received> got = receiver.await("/killed", all -> all.size() == 2, Duration.ofSeconds(60));
            assertThat(got.get(1).header("webhook-id")).isEqualTo(got.get(0).header("webhook-id"));
            assertThat(got.get(1).body()).isEqualTo(got.get(0).body());
            JsonNode delivery = null;
            for (int i = 0; i < 100; i++) {
                delivery = replicaB.get(app, "/api/v1/webhooks/" + subscription + "/deliveries").get("items").get(0);
                if (delivery.get("status").asString().equals("DELIVERED")) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(delivery.get("status").asString()).isEqualTo("DELIVERED");
            assertThat(delivery.get("id").asString()).isEqualTo(got.get(0).header("webhook-id"));
            assertThat(receiver.at("/killed")).as("no third send once delivered").hasSize(2);
            stuck.countDown();
        }
    }
}
