package org.teamsprovisioner.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.teamsprovisioner.support.SandboxH2Test;
import tools.jackson.databind.JsonNode;

/** With no network allowed (as in prod), a receiver on loopback is refused: a literal address at once, a host name at delivery. */
@TestPropertySource(properties = {"provisioner.webhooks.allowed-networks=", "provisioner.webhooks.fan-out-interval=200ms",
        "provisioner.webhooks.polling-interval=200ms"})
class WebhookAddressRulesH2Test extends SandboxH2Test {

    private static TestReceiver receiver;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = new TestReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @Test
    void loopbackReceiverIsRefusedUnlessItsNetworkIsAllowed() throws Exception {
        String app = appToken("ssrf-app", WebhookDeliveryH2Test.SUBMIT, WebhookDeliveryH2Test.WEBHOOKS);
        List<String> types = List.of("org.teamsprovisioner.teamrequest.submitted");
        http().post().uri("/api/v1/webhooks").headers(h -> h.setBearerAuth(app)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("url", receiver.url("/literal"), "types", types))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.violations[0].message").value(message -> assertThat((String) message).contains("loopback"));

        // A name is only known at delivery to resolve to loopback: accepted now, refused when sent.
        String id = http().post().uri("/api/v1/webhooks").headers(h -> h.setBearerAuth(app)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("url", "http://localhost:" + receiver.port() + "/named", "types", types))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
        submit(app, "{\"displayName\":\"Refused " + System.nanoTime() + "\",\"owners\":[\"alice@contoso.com\"]}").expectStatus().isAccepted();

        JsonNode delivery = null;
        for (int i = 0; i < 300 && (delivery == null || !delivery.get("status").asString().equals("FAILED")); i++) {
            JsonNode items = get(app, "/api/v1/webhooks/" + id + "/deliveries").get("items");
            delivery = items.isEmpty() ? null : items.get(0);
            Thread.sleep(100);
        }
        assertThat(delivery).isNotNull();
        assertThat(delivery.get("status").asString()).isEqualTo("FAILED");
        assertThat(delivery.get("lastError").asString()).contains("refused").contains("loopback");
        assertThat(receiver.at("/named")).isEmpty();
    }
}
