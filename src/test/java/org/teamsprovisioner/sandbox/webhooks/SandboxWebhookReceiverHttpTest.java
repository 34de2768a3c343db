package org.teamsprovisioner.sandbox.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.teamsprovisioner.sandbox.RunningSandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The receiver over real HTTP, as the service's sender and a portal developer's curl reach it. */
class SandboxWebhookReceiverHttpTest {

    private static final MediaType CLOUDEVENTS = MediaType.parseMediaType("application/cloudevents+json");
    private static final String REQUEST_ID = "83b87f03-a337-4b7b-ab9c-5b6036ab5fec";

    private RunningSandbox sandbox = new RunningSandbox();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void recordsEachDeliveryWithItsHeadersCloudEventAndRawBody() {
        String body = WebhookSigning.event("evt-1", "succeeded", REQUEST_ID);

        deliver("portal-a", CLOUDEVENTS, body, headers -> {
            headers.set("webhook-id", "msg_1");
            headers.set("webhook-timestamp", "1772442000");
            headers.set("webhook-signature", "v1,AAAA");
        }).expectStatus().isNoContent();

        JsonNode delivery = state().at("/receivers/portal-a/deliveries/0");
        assertThat(delivery.get("sequence").longValue()).isEqualTo(1);
        assertThat(delivery.get("receivedDateTime").stringValue()).isEqualTo(RunningSandbox.START.toString());
        assertThat(delivery.get("contentType").stringValue()).isEqualTo("application/cloudevents+json");
        assertThat(delivery.get("webhookId").stringValue()).isEqualTo("msg_1");
        assertThat(delivery.get("webhookTimestamp").stringValue()).isEqualTo("1772442000");
        assertThat(delivery.get("webhookSignature").stringValue()).isEqualTo("v1,AAAA");
        assertThat(delivery.at("/event/id").stringValue()).isEqualTo("evt-1");
        assertThat(delivery.at("/event/type").stringValue()).isEqualTo("org.teamsprovisioner.teamrequest.succeeded");
        assertThat(delivery.at("/event/subject").stringValue()).isEqualTo(REQUEST_ID);
        assertThat(delivery.at("/event/source").stringValue()).isEqualTo("urn:teams-provisioner:test");
        // No secret set: nothing to check the signature with, and the delivery is taken as it is.
        assertThat(delivery.at("/signature/checked").booleanValue()).isFalse();
        assertThat(delivery.get("status").intValue()).isEqualTo(204);
        assertThat(delivery.get("body").stringValue()).isEqualTo(body);
        // The same record in the tenant's _state and on the name's own page.
        assertThat(sandbox.state().at("/webhooks/portal-a/deliveries/0")).isEqualTo(delivery);
        assertThat(json(sandbox.client.get().uri("/sandbox/webhooks/portal-a").exchange().expectStatus().isOk())
                .at("/deliveries/0")).isEqualTo(delivery);
    }

    @Test
    void plainJsonIsAcceptedAsWellAsCloudEventsJson() {
        deliver("portal-a", MediaType.parseMediaType("application/json; charset=utf-8"),
                WebhookSigning.event("evt-1", "failed", REQUEST_ID), headers -> { }).expectStatus().isNoContent();

        assertThat(state().at("/receivers/portal-a/deliveries/0/event/type").stringValue())
                .isEqualTo("org.teamsprovisioner.teamrequest.failed");
    }

    @Test
    void historyKeepsTheNewestDeliveriesLastUpToItsBound() {
        restart(Map.of("provisioner.sandbox.webhooks.history", "3"));

        for (int i = 1; i <= 5; i++) {
            deliver("portal-a", CLOUDEVENTS, WebhookSigning.event("evt-" + i, "step-reached", REQUEST_ID), headers -> { })
                    .expectStatus().isNoContent();
        }

        JsonNode receiver = state().at("/receivers/portal-a");
        assertThat(receiver.get("received").longValue()).isEqualTo(5);
        assertThat(receiver.get("deliveries").valueStream().map(d -> d.at("/event/id").stringValue()))
                .containsExactly("evt-3", "evt-4", "evt-5");
    }

    @Test
    void behaviourAnswersItsStatusForTheNextDeliveriesThenNoContent() {
        put("portal-a", "_behaviour", "{\"status\":503,\"times\":2,\"retryAfter\":\"5\"}").expectStatus().isOk()
                .expectBody().jsonPath("$.behaviour.remaining").isEqualTo(2);

        deliverEvent("portal-a").expectStatus().isEqualTo(503).expectHeader().valueEquals("Retry-After", "5");
        deliverEvent("portal-a").expectStatus().isEqualTo(503);
        deliverEvent("portal-a").expectStatus().isNoContent().expectHeader().doesNotExist("Retry-After");

        JsonNode receiver = state().at("/receivers/portal-a");
        assertThat(receiver.get("deliveries").valueStream().map(d -> d.get("status").intValue())).containsExactly(503, 503, 204);
        assertThat(receiver.get("behaviour").isNull()).isTrue();
    }

    @Test
    void goneAnswersTellASenderToUnsubscribe() {
        put("portal-a", "_behaviour", "{\"status\":410}").expectStatus().isOk();

        deliverEvent("portal-a").expectStatus().isEqualTo(410);
        deliverEvent("portal-a").expectStatus().isNoContent();
    }

    @Test
    void deletingTheBehaviourAnswersNoContentAgain() {
        put("portal-a", "_behaviour", "{\"status\":500,\"times\":5}").expectStatus().isOk();

        sandbox.client.delete().uri("/sandbox/webhooks/portal-a/_behaviour").exchange().expectStatus().isNoContent();

        deliverEvent("portal-a").expectStatus().isNoContent();
    }

    @Test
    void delayedAnswerComesAfterTheDelayAndIsRecordedWithIt() {
        put("portal-a", "_behaviour", "{\"status\":202,\"delay\":\"300ms\"}").expectStatus().isOk();

        deliverEvent("portal-a").expectStatus().isAccepted();

        assertThat(state().at("/receivers/portal-a/deliveries/0/delay").stringValue()).isEqualTo("PT0.3S");
    }

    @Test
    void delayLongerThanTheSendersTimeoutLeavesItWithoutAnAnswer() {
        put("portal-a", "_behaviour", "{\"delay\":\"PT1M\"}").expectStatus().isOk();
        WebTestClient impatient = sandbox.client.mutate().responseTimeout(Duration.ofSeconds(1)).build();

        assertThatThrownBy(() -> impatient.post().uri("/sandbox/webhooks/portal-a").contentType(CLOUDEVENTS)
                .bodyValue(WebhookSigning.event("evt-1", "succeeded", REQUEST_ID)).exchange())
                .hasMessageContaining("Timeout");
        // Recorded on arrival, with the answer it is still waiting to give.
        assertThat(state().at("/receivers/portal-a/deliveries/0/delay").stringValue()).isEqualTo("PT1M");
    }

    @Test
    void withASecretAValidSignatureIsTakenAndAnyOtherRefusedWithItsReason() {
        put("portal-a", "_secret", "{\"secret\":\"" + WebhookSigning.SECRET + "\"}").expectStatus().isOk()
                .expectBody().jsonPath("$.secret").isEqualTo(true);
        long now = sandbox.clock.instant().getEpochSecond();
        byte[] body = WebhookSigning.event("evt-1", "succeeded", REQUEST_ID).getBytes(StandardCharsets.UTF_8);
        String valid = WebhookSigning.signature(WebhookSigning.SECRET, "msg_1", now, body);
        String old = WebhookSigning.signature(WebhookSigning.OTHER_SECRET, "msg_1", now, body);

        signed("portal-a", "msg_1", now, valid, body).expectStatus().isNoContent();
        signed("portal-a", "msg_1", now, old + " " + valid, body).expectStatus().isNoContent();
        signed("portal-a", "msg_1", now, old, body).expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401).jsonPath("$.detail").value(String.class,
                        detail -> assertThat(detail).contains("HMAC-SHA256"));
        signed("portal-a", "msg_1", now, valid, "{\"tampered\":true}".getBytes(StandardCharsets.UTF_8))
                .expectStatus().isUnauthorized();
        sandbox.clock.advance(Duration.ofMinutes(6));
        signed("portal-a", "msg_1", now, valid, body).expectStatus().isUnauthorized();

        JsonNode deliveries = state().at("/receivers/portal-a/deliveries");
        assertThat(deliveries.valueStream().map(d -> d.at("/signature/valid").booleanValue()))
                .containsExactly(true, true, false, false, false);
        assertThat(deliveries.at("/0/signature/reason").isNull()).isTrue();
        assertThat(deliveries.at("/2/signature/reason").stringValue()).contains("HMAC-SHA256");
        assertThat(deliveries.at("/4/signature/reason").stringValue()).contains("360 s before").contains("tolerance of 300 s");
    }

    @Test
    void toleranceIsASetting() {
        restart(Map.of("provisioner.sandbox.webhooks.tolerance", "10m"));
        put("portal-a", "_secret", "{\"secret\":\"" + WebhookSigning.SECRET + "\"}").expectStatus().isOk();
        long now = sandbox.clock.instant().getEpochSecond();
        byte[] body = WebhookSigning.event("evt-1", "succeeded", REQUEST_ID).getBytes(StandardCharsets.UTF_8);

        sandbox.clock.advance(Duration.ofMinutes(6));

        signed("portal-a", "msg_1", now, WebhookSigning.signature(WebhookSigning.SECRET, "msg_1", now, body), body)
                .expectStatus().isNoContent();
    }

    @Test
    void refusedDeliveriesDoNotTakeATurnOfTheBehaviour() {
        put("portal-a", "_secret", "{\"secret\":\"" + WebhookSigning.SECRET + "\"}").expectStatus().isOk();
        put("portal-a", "_behaviour", "{\"status\":503}").expectStatus().isOk();
        long now = sandbox.clock.instant().getEpochSecond();
        byte[] body = WebhookSigning.event("evt-1", "succeeded", REQUEST_ID).getBytes(StandardCharsets.UTF_8);

        signed("portal-a", "msg_1", now, "v1,AAAA", body).expectStatus().isUnauthorized();
        signed("portal-a", "msg_1", now, WebhookSigning.signature(WebhookSigning.SECRET, "msg_1", now, body), body)
                .expectStatus().isEqualTo(503);
    }

    @Test
    void deletingASecretStopsTheChecks() {
        put("portal-a", "_secret", "{\"secret\":\"" + WebhookSigning.SECRET + "\"}").expectStatus().isOk();

        sandbox.client.delete().uri("/sandbox/webhooks/portal-a/_secret").exchange().expectStatus().isNoContent();

        deliverEvent("portal-a").expectStatus().isNoContent();
        assertThat(state().at("/receivers/portal-a/deliveries/0/signature/checked").booleanValue()).isFalse();
    }

    @Test
    void concurrentDeliveriesEachTakeOneTurnAndOneSequenceNumber() {
        put("portal-a", "_behaviour", "{\"status\":503,\"times\":10}").expectStatus().isOk();
        WebClient client = WebClient.create(sandbox.baseUrl());

        List<Integer> statuses = Flux.range(0, 40)
                .flatMap(i -> client.post().uri("/sandbox/webhooks/portal-a").contentType(CLOUDEVENTS)
                        .bodyValue(WebhookSigning.event("evt-" + i, "succeeded", REQUEST_ID))
                        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())), 40)
                .collectList().block(Duration.ofSeconds(30));

        assertThat(statuses).filteredOn(status -> status == 503).hasSize(10);
        assertThat(statuses).filteredOn(status -> status == 204).hasSize(30);
        JsonNode receiver = state().at("/receivers/portal-a");
        assertThat(receiver.get("received").longValue()).isEqualTo(40);
        assertThat(receiver.get("deliveries").valueStream().map(d -> d.get("sequence").longValue()).distinct()).hasSize(40);
    }

    @Test
    void deleteForgetsAName() {
        deliverEvent("portal-a").expectStatus().isNoContent();

        sandbox.client.delete().uri("/sandbox/webhooks/portal-a").exchange().expectStatus().isNoContent();

        assertThat(state().get("receivers").has("portal-a")).isFalse();
        problem(sandbox.client.get().uri("/sandbox/webhooks/portal-a").exchange(), 404);
    }

    @Test
    void namesAreBoundedAndFreedByDeleting() {
        restart(Map.of("provisioner.sandbox.webhooks.max-receivers", "2"));
        deliverEvent("portal-a").expectStatus().isNoContent();
        deliverEvent("portal-b").expectStatus().isNoContent();

        assertThat(problem(deliverEvent("portal-c"), 409).get("detail").stringValue()).contains("max-receivers");
        sandbox.client.delete().uri("/sandbox/webhooks/portal-a").exchange().expectStatus().isNoContent();
        deliverEvent("portal-c").expectStatus().isNoContent();
    }

    @Test
    void deliveriesThatAreNotCloudEventsAreRecordedAndRefused() {
        assertThat(problem(deliver("portal-a", MediaType.TEXT_PLAIN, "hello", headers -> { }), 415).get("detail")
                .stringValue()).contains("application/cloudevents+json");
        problem(deliver("portal-a", CLOUDEVENTS, "{\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"urn:x\"}",
                headers -> { }), 400);
        problem(deliver("portal-a", CLOUDEVENTS, "not json", headers -> { }), 400);
        problem(deliver("portal-a", CLOUDEVENTS, "[]", headers -> { }), 400);

        JsonNode deliveries = state().at("/receivers/portal-a/deliveries");
        assertThat(deliveries.valueStream().map(d -> d.get("status").intValue())).containsExactly(415, 400, 400, 400);
        assertThat(deliveries.at("/1/eventProblem").stringValue()).contains("'type'");
        assertThat(deliveries.at("/2/body").stringValue()).isEqualTo("not json");
    }

    @Test
    void aBodyOverTheLimitIsRecordedWithoutItAndRefused() {
        restart(Map.of("provisioner.sandbox.webhooks.max-body-size", "1KB"));

        problem(deliver("portal-a", CLOUDEVENTS, "{\"pad\":\"" + "x".repeat(2000) + "\"}", headers -> { }), 413);

        JsonNode delivery = state().at("/receivers/portal-a/deliveries/0");
        assertThat(delivery.get("status").intValue()).isEqualTo(413);
        assertThat(delivery.get("body").isNull()).isTrue();
    }

    @Test
    void badControlsAndNamesAreProblems() {
        assertThat(problem(put("portal-a", "_behaviour", "{\"status\":99}"), 400).get("detail").stringValue()).contains("'status'");
        assertThat(problem(put("portal-a", "_behaviour", "{\"time\":2}"), 400).get("detail").stringValue()).contains("'time'");
        assertThat(problem(put("portal-a", "_behaviour", "{\"delay\":\"soon\"}"), 400).get("detail").stringValue()).contains("'delay'");
        problem(put("portal-a", "_behaviour", "{\"delay\":\"PT3M\"}"), 400);
        problem(put("portal-a", "_behaviour", "{\"times\":-1}"), 400);
        problem(put("portal-a", "_behaviour", "{\"retryAfter\":\"5\\n\"}"), 400);
        problem(put("portal-a", "_behaviour", "503"), 400);
        problem(put("portal-a", "_behaviour", "{"), 400);
        assertThat(problem(put("portal-a", "_secret", "{\"secret\":\"sandbox-secret\"}"), 400).get("detail").stringValue())
                .contains("whsec_");
        assertThat(problem(put("portal-a", "_secret", "{\"secret\":\"whsec_c2hvcnQ=\"}"), 400).get("detail").stringValue())
                .contains("5 bytes");
        problem(put("portal-a", "_secret", "{\"secret\":\"whsec_***\"}"), 400);
        problem(put("portal-a", "_secret", "{}"), 400);
        assertThat(problem(deliverEvent("_portal"), 400).get("detail").stringValue()).contains("not a receiver name");
        problem(sandbox.client.get().uri("/sandbox/webhooks/portal-a/_behaviour").exchange(), 405);
        problem(sandbox.client.get().uri("/sandbox/webhooks/portal-a/deliveries/1").exchange(), 404);

        // None of the refused settings took effect.
        JsonNode receiver = state().at("/receivers/portal-a");
        assertThat(receiver.get("behaviour").isNull()).isTrue();
        assertThat(receiver.get("secret").booleanValue()).isFalse();
    }

    private WebTestClient.ResponseSpec deliverEvent(String name) {
        return deliver(name, CLOUDEVENTS, WebhookSigning.event("evt-1", "succeeded", REQUEST_ID), headers -> { });
    }

    private WebTestClient.ResponseSpec deliver(String name, MediaType type, String body, Consumer<HttpHeaders> headers) {
        return sandbox.client.post().uri("/sandbox/webhooks/" + name).contentType(type).headers(headers)
                .bodyValue(body.getBytes(StandardCharsets.UTF_8)).exchange();
    }

    private WebTestClient.ResponseSpec signed(String name, String id, long timestamp, String signatures, byte[] body) {
        return sandbox.client.post().uri("/sandbox/webhooks/" + name).contentType(CLOUDEVENTS)
                .header("webhook-id", id).header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signatures).bodyValue(body).exchange();
    }

    /** As curl -d sends it: form-encoded, which the controls do not mind. */
    private WebTestClient.ResponseSpec put(String name, String control, String body) {
        return sandbox.client.put().uri("/sandbox/webhooks/" + name + "/" + control)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue(body).exchange();
    }

    private JsonNode state() {
        return json(sandbox.client.get().uri("/sandbox/webhooks/_state").exchange().expectStatus().isOk());
    }

    private static JsonNode problem(WebTestClient.ResponseSpec response, int status) {
        JsonNode problem = json(response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(problem.get("status").intValue()).isEqualTo(status);
        assertThat(problem.get("title").stringValue()).isNotBlank();
        assertThat(problem.get("detail").stringValue()).isNotBlank();
        return problem;
    }

    private static JsonNode json(WebTestClient.ResponseSpec response) {
        return RunningSandbox.json(response.expectBody(String.class).returnResult().getResponseBody());
    }

    private void restart(Map<String, String> settings) {
        sandbox.close();
        sandbox = new RunningSandbox(settings);
    }
}
