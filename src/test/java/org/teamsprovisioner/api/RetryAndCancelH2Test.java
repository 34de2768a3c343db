package org.teamsprovisioner.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.teamsprovisioner.api.IdempotencyKeyFixtures.request;
import static org.teamsprovisioner.api.IdempotencyKeyFixtures.teamsCreated;
import static org.teamsprovisioner.api.IdempotencyKeyFixtures.uniqueUser;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teamsprovisioner.support.SandboxH2Test;
import tools.jackson.databind.JsonNode;

/** POST .../retry and .../cancel with the job workers running, against the sandbox Graph. */
class RetryAndCancelH2Test extends SandboxH2Test {

    private WebTestClient.ResponseSpec act(String token, String location, String action) {
        return http().post().uri(location + "/" + action).headers(h -> h.setBearerAuth(token)).exchange();
    }

    private JsonNode problem(WebTestClient.ResponseSpec response, HttpStatus status) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private String submitted(String token, String name) {
        return submit(token, request(name)).expectStatus().isAccepted()
                .returnResult(JsonNode.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);
    }

    @Test
    void retryOfAFailedRequestSendsItToGraphAgain() {
        String token = tokenFor(uniqueUser());
        String location = submitted(token, "Doomed [fail] " + UUID.randomUUID());
        JsonNode failed = awaitEnd(token, location);
        String name = failed.get("displayName").asString();
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(teamsCreated(sandboxState(), name)).isEqualTo(1);

        var retried = act(token, location, "retry").expectStatus().isAccepted()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, location)
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(retried.get("status").asString()).as("Graph's operation failed: a new creation").isEqualTo("ACCEPTED");
        assertThat(retried.has("error")).isFalse();
        assertThat(retried.has("teamId")).isFalse();
        JsonNode again = awaitEnd(token, location);
        assertThat(again.get("status").asString()).as("the marker makes every creation fail").isEqualTo("FAILED");
        assertThat(teamsCreated(sandboxState(), name)).as("POST /teams sent once more").isEqualTo(2);
        assertThat(Instant.parse(again.get("updatedAt").asString())).isAfter(Instant.parse(failed.get("updatedAt").asString()));
    }

    @Test
    void retryOfARequestThatDidNotFailIsAConflictNamingItsStatus() {
        String token = tokenFor(uniqueUser());
        String location = submitted(token, "Fine " + UUID.randomUUID());
        assertThat(awaitEnd(token, location).get("status").asString()).isEqualTo("SUCCEEDED");

        JsonNode problem = problem(act(token, location, "retry"), HttpStatus.CONFLICT);

        assertThat(problem.get("detail").asString()).contains("is SUCCEEDED").contains("only FAILED requests");
    }

    @Test
    void cancelOfARequestThatReachedGraphIsAConflict() {
        String token = tokenFor(uniqueUser());
        String location = submitted(token, "Too late " + UUID.randomUUID());
        awaitEnd(token, location);

        JsonNode problem = problem(act(token, location, "cancel"), HttpStatus.CONFLICT);

        assertThat(problem.get("detail").asString()).contains("is SUCCEEDED").contains("not reached Graph");
        assertThat(get(token, location).get("status").asString()).isEqualTo("SUCCEEDED");
    }

    @Test
    void anotherCallerCannotRetryOrCancelUnlessTheyManageAllRequests() {
        String owner = tokenFor(uniqueUser());
        String location = submitted(owner, "Someone else's [fail] " + UUID.randomUUID());
        awaitEnd(owner, location);
        String stranger = tokenFor(uniqueUser(), "TeamRequests.ReadAll");

        problem(act(stranger, location, "retry"), HttpStatus.NOT_FOUND);
        problem(act(stranger, location, "cancel"), HttpStatus.NOT_FOUND);
        act(tokenFor(uniqueUser(), "TeamRequests.ManageAll"), location, "retry").expectStatus().isAccepted();
    }

    @Test
    void unknownRequestIsNotFound() {
        problem(act(tokenFor(uniqueUser()), "/api/v1/team-requests/" + UUID.randomUUID(), "retry"), HttpStatus.NOT_FOUND);
        problem(act(tokenFor(uniqueUser()), "/api/v1/team-requests/not-an-id", "cancel"), HttpStatus.NOT_FOUND);
    }
}
