package org.teamsprovisioner.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.teamsprovisioner.support.SandboxH2Test;
import tools.jackson.databind.JsonNode;

/**
 * A receiver that takes deliveries and never answers holds at most its subscription's places
 * (2 of the 4 delivery threads), each for the whole 30 s timeout; another subscription's receiver
 * gets all of its deliveries meanwhile. Without the cap the stuck one would hold all four threads,
 * and nothing else would be sent for 30 s.
 */
@TestPropertySource(properties = {"provisioner.webhooks.timeout=30s", "provisioner.webhooks.threads=4",
        "provisioner.webhooks.max-concurrent-per-subscription=2", "provisioner.webhooks.fan-out-interval=200ms",
        "provisioner.webhooks.polling-interval=200ms"})
class SlowReceiverIsolationH2Test extends SandboxH2Test {

    private static final int REQUESTS = 8;
    private static final CountDownLatch NEVER_ANSWER = new CountDownLatch(1);
    private static TestReceiver receiver;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = new TestReceiver();
        for (int i = 0; i < 4 * REQUESTS; i++) {
            receiver.script("/stuck", new TestReceiver.Answer(200, Duration.ZERO, NEVER_ANSWER, Map.of()));
        }
    }

    @AfterAll
    static void stopReceiver() {
        NEVER_ANSWER.countDown();
        receiver.close();
    }

    @Test
    void receiverThatNeverAnswersDoesNotHoldBackAnotherSubscriptionsDeliveries() throws Exception {
        String app = appToken("two-receivers-app", "TeamRequests.Submit", "TeamRequests.Webhooks");
        subscribe(app, receiver.url("/stuck"));
        subscribe(app, receiver.url("/quick"));

        for (int i = 0; i < REQUESTS; i++) {
            submit(app, "{\"displayName\":\"Isolated " + i + " " + System.nanoTime() + "\",\"owners\":[\"alice@contoso.com\"]}")
                    .expectStatus().isAccepted().returnResult(JsonNode.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);
        }

        // Well inside the stuck receiver's 30 s timeout: only free threads can have sent these.
        List<TestReceiver.Received> quick = receiver.await("/quick", got -> got.size() >= REQUESTS, Duration.ofSeconds(20));
        List<TestReceiver.Received> stuck = receiver.at("/stuck");

        assertThat(quick).extracting(r -> r.header("webhook-id")).doesNotHaveDuplicates().hasSize(REQUESTS);
        assertThat(stuck).as("deliveries on the wire to the stuck receiver: its subscription's places").hasSize(2);
    }

    private void subscribe(String token, String url) {
        http().post().uri("/api/v1/webhooks").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("url", url, "types", List.of("org.teamsprovisioner.teamrequest.submitted")))
                .exchange().expectStatus().isCreated();
    }
}
