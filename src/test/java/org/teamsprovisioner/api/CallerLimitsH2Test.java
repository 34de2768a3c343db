package org.teamsprovisioner.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.teamsprovisioner.api.IdempotencyKeyFixtures.request;
import static org.teamsprovisioner.api.IdempotencyKeyFixtures.uniqueUser;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teamsprovisioner.support.SandboxH2Test;
import tools.jackson.databind.JsonNode;

/**
 * Per-caller limits over real HTTP: a rate of submits and previews, and a cap on requests in flight.
 * No job workers, so accepted requests stay in flight; low limits, so a test reaches them.
 */
@TestPropertySource(properties = {
        "provisioner.jobs.enabled=false",
        "provisioner.api.rate-limits.submit=5/1h",
        "provisioner.api.rate-limits.preview=2/1h",
        "provisioner.api.rate-limits.in-flight=2"})
class CallerLimitsH2Test extends SandboxH2Test {

    private static JsonNode tooManyRequests(WebTestClient.ResponseSpec response, long atMostSeconds) {
        return response.expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, atMostSeconds))
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private int stored(String token) {
        return get(token, "/api/v1/team-requests?limit=100").get("items").size();
    }

    @Test
    void aCallerOverItsSubmitRateIsRefusedWith429AndRetryAfterWhileOthersAreNot() {
        String token = tokenFor(uniqueUser());
        for (int i = 0; i < 5; i++) {
            // Refused by the rules, so nothing is in flight: only the rate counts.
            submit(token, request("")).expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        }

        JsonNode problem = tooManyRequests(submit(token, request("Over the rate " + UUID.randomUUID())), 3600 / 5);

        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("detail").asString()).contains("5 per hour");
        assertThat(stored(token)).isZero();
        submit(tokenFor(uniqueUser()), request("Another caller " + UUID.randomUUID())).expectStatus().isAccepted();
    }

    @Test
    void aCallerOverItsPreviewRateIsRefusedWith429() {
        String token = tokenFor(uniqueUser());
        WebTestClient.ResponseSpec[] previews = new WebTestClient.ResponseSpec[3];
        for (int i = 0; i < 3; i++) {
            previews[i] = preview(token, request("Preview " + UUID.randomUUID()));
        }

        previews[0].expectStatus().isOk();
        previews[1].expectStatus().isOk();
        assertThat(tooManyRequests(previews[2], 3600 / 2).get("detail").asString()).contains("previews").contains("2 per hour");
    }

    @Test
    void aSubmitBeyondTheCallersRequestsInFlightIsRefusedWith429AndNotStoredButARepeatIsAnswered() {
        String token = tokenFor(uniqueUser());
        String key = IdempotencyKeyFixtures.uniqueKey();
        String firstBody = request("In flight 1 " + UUID.randomUUID());
        String first = IdempotencyKeyFixtures.submit(http(), token, key, firstBody).expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
        submit(token, request("In flight 2 " + UUID.randomUUID())).expectStatus().isAccepted();

        JsonNode problem = tooManyRequests(submit(token, request("In flight 3 " + UUID.randomUUID())), 60);

        assertThat(problem.get("detail").asString()).contains("already has 2 team requests being provisioned");
        assertThat(stored(token)).isEqualTo(2);
        // A repeat creates nothing, so the cap does not hold it back: it gets the first request's answer.
        assertThat(IdempotencyKeyFixtures.submit(http(), token, key, firstBody).expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString()).isEqualTo(first);
    }
}
