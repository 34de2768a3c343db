package org.teamsprovisioner.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.standardwebhooks.Webhook;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.teamsprovisioner.support.SandboxH2Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service in the sandbox profile delivering to a real receiver on 127.0.0.1 (allowed there),
 * with short retry waits and a one-second attempt timeout so failures are retried within a test.
 */
@TestPropertySource(properties = {"provisioner.webhooks.initial-backoff=200ms", "provisioner.webhooks.max-backoff=400ms",
        "provisioner.webhooks.timeout=1s", "provisioner.webhooks.fan-out-interval=200ms", "provisioner.webhooks.polling-interval=200ms"})
class WebhookDeliveryH2Test extends SandboxH2Test {

    static final String SUBMIT = "TeamRequests.Submit";
    static final String WEBHOOKS = "TeamRequests.Webhooks";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

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
    void receiverGetsARequestsEventsInOrderEachSignedAsTheSpecificationSays() throws Exception {
        String app = appToken("ordered-app", SUBMIT, WEBHOOKS);
        JsonNode subscription = subscribe(app, receiver.url("/ordered"), EventTypes.all());
        String secret = subscription.get("secret").asString();
        assertThat(secret).startsWith("whsec_");
        String request = submitAs(app, "Hooked " + System.nanoTime());

        List<TestReceiver.Received> got = receiver.await("/ordered",
                all -> all.stream().anyMatch(r -> r.body().contains("teamrequest.succeeded")), WAIT);

        List<JsonNode> events = got.stream().map(r -> JSON.readTree(r.body())).toList();
        assertThat(events).allSatisfy(event -> {
            assertThat(event.get("specversion").asString()).isEqualTo("1.0");
            assertThat(event.get("subject").asString()).isEqualTo(request);
            assertThat(event.get("datacontenttype").asString()).isEqualTo("application/json");
            assertThat(event.get("data").get("id").asString()).isEqualTo(request);
        });
        List<String> types = events.stream().map(event -> event.get("type").asString()).toList();
        assertThat(types.get(0)).isEqualTo("org.teamsprovisioner.teamrequest.submitted");
        assertThat(types.get(types.size() - 1)).isEqualTo("org.teamsprovisioner.teamrequest.succeeded");
        List<String> sequence = events.stream().map(event -> event.get("sequence").asString()).toList();
        assertThat(sequence).isSorted().doesNotHaveDuplicates();
        assertThat(events.get(events.size() - 1).get("data").get("status").asString()).isEqualTo("SUCCEEDED");
        for (TestReceiver.Received r : got) {
            // The specification's algorithm, computed here with javax.crypto ...
            String signed = r.header("webhook-id") + "." + r.header("webhook-timestamp") + "." + r.body();
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
            assertThat(r.header("webhook-signature")).isEqualTo(expected);
            assertThat(r.header("content-type")).isEqualTo("application/cloudevents+json; charset=utf-8");
            // ... and by the Standard Webhooks reference library.
            new Webhook(secret).verify(r.body(), Map.of("webhook-id", List.of(r.header("webhook-id")),
                    "webhook-timestamp", List.of(r.header("webhook-timestamp")), "webhook-signature", List.of(r.header("webhook-signature"))));
        }
    }

    @Test
    void receiverAnswering503IsRetriedWithTheSameWebhookIdUntilItAnswers200() throws Exception {
        String app = appToken("retried-app", SUBMIT, WEBHOOKS);
        receiver.script("/flaky", TestReceiver.Answer.status(503), TestReceiver.Answer.status(500));
        JsonNode subscription = subscribe(app, receiver.url("/flaky"), List.of("org.teamsprovisioner.teamrequest.submitted"));
        submitAs(app, "Flaky " + System.nanoTime());

        List<TestReceiver.Received> got = receiver.await("/flaky", all -> all.size() >= 3, WAIT);

        assertThat(got).extracting(r -> r.header("webhook-id")).containsOnly(got.get(0).header("webhook-id"));
        assertThat(got).extracting(TestReceiver.Received::body).containsOnly(got.get(0).body());
        JsonNode delivery = awaitDelivery(app, subscription.get("id").asString(), "DELIVERED");
        assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
        assertThat(delivery.get("lastStatusCode").asInt()).isEqualTo(200);
        assertThat(delivery.get("recentAttempts")).extracting(a -> a.path("statusCode").asInt()).containsExactly(200, 500, 503);
    }

    @Test
    void receiverSlowerThanTheTimeoutIsRetried() throws Exception {
        String app = appToken("slow-app", SUBMIT, WEBHOOKS);
        receiver.script("/slow", TestReceiver.Answer.slow(Duration.ofSeconds(3)));
        JsonNode subscription = subscribe(app, receiver.url("/slow"), List.of("org.teamsprovisioner.teamrequest.submitted"));
        submitAs(app, "Slow " + System.nanoTime());

        JsonNode delivery = awaitDelivery(app, subscription.get("id").asString(), "DELIVERED");

        assertThat(delivery.get("attempts").asInt()).isEqualTo(2);
        assertThat(delivery.get("recentAttempts").get(1).get("error").asString()).contains("no answer within 1000 ms");
        List<TestReceiver.Received> got = receiver.at("/slow");
        assertThat(got).hasSize(2).extracting(r -> r.header("webhook-id")).containsOnly(delivery.get("id").asString());
    }

    @Test
    void receiverAnswering410DisablesTheSubscription() throws Exception {
        String app = appToken("gone-app", SUBMIT, WEBHOOKS);
        receiver.script("/gone", TestReceiver.Answer.status(410));
        JsonNode subscription = subscribe(app, receiver.url("/gone"), List.of("org.teamsprovisioner.teamrequest.submitted"));
        String id = subscription.get("id").asString();
        submitAs(app, "Gone " + System.nanoTime());

        JsonNode delivery = awaitDelivery(app, id, "FAILED");

        assertThat(delivery.get("lastStatusCode").asInt()).isEqualTo(410);
        JsonNode after = get(app, "/api/v1/webhooks/" + id);
        assertThat(after.get("status").asString()).isEqualTo("DISABLED");
        assertThat(after.get("disabledReason").asString()).contains("410");
        submitAs(app, "Gone again " + System.nanoTime());
        Thread.sleep(1500);
        assertThat(receiver.at("/gone")).hasSize(1);
    }

    @Test
    void redirectIsNotFollowedAndCountsAsAFailedAttempt() throws Exception {
        String app = appToken("redirected-app", SUBMIT, WEBHOOKS);
        receiver.script("/moved", new TestReceiver.Answer(302, Duration.ZERO, null, Map.of("Location", receiver.url("/elsewhere"))));
        JsonNode subscription = subscribe(app, receiver.url("/moved"), List.of("org.teamsprovisioner.teamrequest.submitted"));
        submitAs(app, "Moved " + System.nanoTime());

        JsonNode delivery = awaitDelivery(app, subscription.get("id").asString(), "DELIVERED");

        assertThat(delivery.get("recentAttempts")).extracting(a -> a.path("statusCode").asInt()).containsExactly(200, 302);
        assertThat(receiver.at("/elsewhere")).isEmpty();
    }

    @Test
    void finishedDeliveryIsRedeliveredWithItsWebhookIdAndBody() throws Exception {
        String app = appToken("redeliver-app", SUBMIT, WEBHOOKS);
        JsonNode subscription = subscribe(app, receiver.url("/again"), List.of("org.teamsprovisioner.teamrequest.submitted"));
        String id = subscription.get("id").asString();
        submitAs(app, "Again " + System.nanoTime());
        JsonNode delivery = awaitDelivery(app, id, "DELIVERED");

        http().post().uri("/api/v1/webhooks/" + id + "/deliveries/" + delivery.get("id").asString() + "/redeliver")
                .headers(h -> h.setBearerAuth(app)).exchange().expectStatus().isAccepted();

        List<TestReceiver.Received> got = receiver.await("/again", all -> all.size() == 2, WAIT);
        assertThat(got.get(1).header("webhook-id")).isEqualTo(got.get(0).header("webhook-id"));
        assertThat(got.get(1).body()).isEqualTo(got.get(0).body());
    }

    @Test
    void subscriptionsAreTheCallersOwnAndNeedTheWebhooksRole() {
        String owner = appToken("owner-app", SUBMIT, WEBHOOKS);
        String other = appToken("other-app", SUBMIT, WEBHOOKS);
        String noRole = appToken("plain-app", SUBMIT);
        String id = subscribe(owner, receiver.url("/own"), List.of("org.teamsprovisioner.teamrequest.failed")).get("id").asString();

        http().post().uri("/api/v1/webhooks").headers(h -> h.setBearerAuth(noRole)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("url", receiver.url("/x"), "types", List.of("org.teamsprovisioner.teamrequest.failed")))
                .exchange().expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(WEBHOOKS));
        http().get().uri("/api/v1/webhooks/" + id).headers(h -> h.setBearerAuth(other)).exchange().expectStatus().isNotFound();
        http().delete().uri("/api/v1/webhooks/" + id).headers(h -> h.setBearerAuth(other)).exchange().expectStatus().isNotFound();
        assertThat(get(other, "/api/v1/webhooks").get("items")).isEmpty();
        JsonNode listed = get(owner, "/api/v1/webhooks").get("items");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).has("secret")).as("the secret is shown once").isFalse();

        JsonNode rotated = http().post().uri("/api/v1/webhooks/" + id + "/rotate-secret").headers(h -> h.setBearerAuth(owner)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(rotated.get("secret").asString()).startsWith("whsec_");
        assertThat(rotated.has("previousSecretValidUntil")).isTrue();

        http().delete().uri("/api/v1/webhooks/" + id).headers(h -> h.setBearerAuth(owner)).exchange().expectStatus().isNoContent();
        http().get().uri("/api/v1/webhooks/" + id).headers(h -> h.setBearerAuth(owner)).exchange().expectStatus().isNotFound();
    }

    @Test
    void badUrlOrTypeIs400NamingTheField() {
        String app = appToken("typo-app", SUBMIT, WEBHOOKS);
        badSubscription(app, Map.of("url", "ftp://hooks.example.org/x", "types", List.of("org.teamsprovisioner.teamrequest.failed")), "/url");
        badSubscription(app, Map.of("url", "https://user:pw@hooks.example.org/x", "types", List.of("org.teamsprovisioner.teamrequest.failed")), "/url");
        badSubscription(app, Map.of("url", "https://169.254.169.254/latest", "types", List.of("org.teamsprovisioner.teamrequest.failed")), "/url");
        badSubscription(app, Map.of("url", "https://hooks.example.org/x", "types", List.of("org.teamsprovisioner.teamrequest.failed", "succeeded")),
                "/types/1");
        badSubscription(app, Map.of("url", "https://hooks.example.org/x", "types", List.of()), "/types");
    }

    private void badSubscription(String token, Map<String, Object> body, String pointer) {
        http().post().uri("/api/v1/webhooks").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.violations[0].field").isEqualTo(pointer);
    }

    JsonNode subscribe(String token, String url, List<String> types) {
        return http().post().uri("/api/v1/webhooks").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("url", url, "types", types))
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    String submitAs(String token, String name) {
        String location = submit(token, "{\"displayName\":\"" + name + "\",\"owners\":[\"alice@contoso.com\"]}")
                .expectStatus().isAccepted().returnResult(JsonNode.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** The subscription's latest delivery once it has {@code status}. */
    JsonNode awaitDelivery(String token, String subscriptionId, String status) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode items = null;
        while (System.nanoTime() < deadline) {
            items = get(token, "/api/v1/webhooks/" + subscriptionId + "/deliveries").get("items");
            if (items.size() > 0 && items.get(0).get("status").asString().equals(status)) {
                return items.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + status + " delivery within " + WAIT + ": " + items);
    }
}
