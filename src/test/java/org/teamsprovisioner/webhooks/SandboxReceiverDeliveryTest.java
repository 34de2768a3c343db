package org.teamsprovisioner.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.teamsprovisioner.support.SandboxH2Test;
import tools.jackson.databind.JsonNode;

/**
 * What a portal developer does with no server of their own: subscribe the sandbox's receiver, give
 * it the secret, make it fail twice, and watch the service's deliveries arrive there, signed, the
 * failed one retried with the same webhook-id until the receiver takes it.
 */
@TestPropertySource(properties = {"provisioner.webhooks.initial-backoff=200ms", "provisioner.webhooks.max-backoff=400ms",
        "provisioner.webhooks.fan-out-interval=200ms", "provisioner.webhooks.polling-interval=200ms"})
class SandboxReceiverDeliveryTest extends SandboxH2Test {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void sandboxReceiverVerifiesEveryDeliveryAndSeesAFailedOneRetriedWithItsWebhookId() throws InterruptedException {
        String name = "portal-" + UUID.randomUUID().toString().substring(0, 8);
        String app = appToken("sandbox-portal-" + name, "TeamRequests.Submit", "TeamRequests.Webhooks");
        String secret = http().post().uri("/api/v1/webhooks").headers(h -> h.setBearerAuth(app)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("url", "http://localhost:" + port() + "/sandbox/webhooks/" + name,
                        "types", List.of("org.teamsprovisioner.teamrequest.submitted", "org.teamsprovisioner.teamrequest.succeeded")))
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("secret").asString();
        control(name + "/_secret", Map.of("secret", secret));
        control(name + "/_behaviour", Map.of("status", 503, "times", 2));

        String location = submit(app, "{\"displayName\":\"Sandbox hooked " + name + "\",\"owners\":[\"alice@contoso.com\"]}")
                .expectStatus().isAccepted().returnResult(JsonNode.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);

        JsonNode deliveries = awaitDeliveries(name, "org.teamsprovisioner.teamrequest.succeeded");
        List<JsonNode> all = deliveries.valueStream().toList();
        assertThat(all).allSatisfy(delivery -> {
            assertThat(delivery.get("signature").get("checked").asBoolean()).isTrue();
            assertThat(delivery.get("signature").get("valid").asBoolean()).as("%s", delivery.get("signature")).isTrue();
            assertThat(delivery.get("event").get("subject").asString()).isEqualTo(location.substring(location.lastIndexOf('/') + 1));
        });
        List<JsonNode> submitted = all.stream()
                .filter(delivery -> delivery.get("event").get("type").asString().endsWith(".submitted")).toList();
        assertThat(submitted).extracting(delivery -> delivery.get("status").asInt()).containsExactly(503, 503, 204);
        assertThat(submitted).extracting(delivery -> delivery.get("webhookId").asString()).containsOnly(submitted.get(0).get("webhookId").asString());
        assertThat(all).filteredOn(delivery -> delivery.get("event").get("type").asString().endsWith(".succeeded"))
                .singleElement().satisfies(succeeded -> assertThat(succeeded.get("status").asInt()).isEqualTo(204));
    }

    private void control(String path, Map<String, Object> body) {
        http().put().uri("/sandbox/webhooks/" + path).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().is2xxSuccessful();
    }

    private JsonNode awaitDeliveries(String name, String untilType) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode deliveries = null;
        while (System.nanoTime() < deadline) {
            var answer = http().get().uri("/sandbox/webhooks/" + name).exchange().returnResult(JsonNode.class);
            if (answer.getStatus().is2xxSuccessful()) {
                deliveries = answer.getResponseBody().blockFirst().get("deliveries");
                if (deliveries.valueStream().anyMatch(d -> d.get("event") != null && !d.get("event").isNull()
                        && untilType.equals(d.get("event").get("type").asString()))) {
                    return deliveries;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + untilType + " delivery within " + WAIT + ": " + deliveries);
    }
}
