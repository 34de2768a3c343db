package org.teamsprovisioner.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.teamsprovisioner.api.IdempotencyKeyFixtures.request;
import static org.teamsprovisioner.api.IdempotencyKeyFixtures.teamsCreated;
import static org.teamsprovisioner.api.IdempotencyKeyFixtures.uniqueKey;
import static org.teamsprovisioner.api.IdempotencyKeyFixtures.uniqueUser;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teamsprovisioner.support.SandboxH2Test;
import tools.jackson.databind.JsonNode;

/** The Idempotency-Key cases of draft-ietf-httpapi-idempotency-key-header against the running service and sandbox Graph. */
class IdempotencyKeyH2Test extends SandboxH2Test {

    private WebTestClient.ResponseSpec submit(String token, String key, String json) {
        return IdempotencyKeyFixtures.submit(http(), token, key, json);
    }

    private static EntityExchangeResult<JsonNode> accepted(WebTestClient.ResponseSpec response) {
        return response.expectStatus().isAccepted().expectBody(JsonNode.class).returnResult();
    }

    private JsonNode problem(WebTestClient.ResponseSpec response, HttpStatus status) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    void repeatWithTheSameBodyGetsTheOriginalResponseAndCreatesNoSecondTeam() {
        String token = tokenFor(uniqueUser());
        String key = uniqueKey();
        String name = "Idempotent " + UUID.randomUUID();

        EntityExchangeResult<JsonNode> first = accepted(submit(token, "\"" + key + "\"", request(name)));
        String location = first.getResponseHeaders().getFirst(HttpHeaders.LOCATION);
        awaitEnd(token, location);
        // Same members, other order and spacing: the same request.
        String sameBodyReformatted = "{ \"members\": [\"carol@contoso.com\"],\n \"owners\": [\"alice@contoso.com\"], "
                + "\"displayName\": \"" + name + "\" }";
        EntityExchangeResult<JsonNode> repeat = accepted(submit(token, "\"" + key + "\"", sameBodyReformatted));

        assertThat(repeat.getResponseHeaders().getFirst(HttpHeaders.LOCATION)).isEqualTo(location);
        assertThat(repeat.getResponseBody().get("id").asString()).isEqualTo(first.getResponseBody().get("id").asString());
        assertThat(repeat.getResponseBody().get("status").asString()).as("the request as it stands now").isEqualTo("SUCCEEDED");
        assertThat(get(token, "/api/v1/team-requests").get("items")).hasSize(1);
        assertThat(teamsCreated(sandboxState(), name)).isEqualTo(1);
    }

    @Test
    void quotedAndBareFormsOfAKeyAreTheSameKey() {
        String token = tokenFor(uniqueUser());
        String key = uniqueKey();
        String body = request("Bare or quoted " + UUID.randomUUID());

        String quoted = accepted(submit(token, "\"" + key + "\"", body)).getResponseBody().get("id").asString();
        String bare = accepted(submit(token, key, body)).getResponseBody().get("id").asString();

        assertThat(bare).isEqualTo(quoted);
    }

    @Test
    void sameKeyWithADifferentBodyIsRefusedWith422() {
        String token = tokenFor(uniqueUser());
        String key = uniqueKey();
        String name = "Original " + UUID.randomUUID();
        accepted(submit(token, key, request(name)));

        JsonNode problem = problem(submit(token, key, request(name + " changed")), HttpStatus.UNPROCESSABLE_CONTENT);

        assertThat(problem.get("title").asString()).isEqualTo("Idempotency-Key reused with a different request payload");
        assertThat(problem.get("detail").asString()).contains(key);
        assertThat(get(token, "/api/v1/team-requests").get("items")).hasSize(1);
    }

    @Test
    void differentCallersMayUseTheSameKeyIndependently() {
        String key = uniqueKey();
        String alice = tokenFor(uniqueUser());
        String bob = tokenFor(uniqueUser());

        String first = accepted(submit(alice, key, request("Alice's " + UUID.randomUUID()))).getResponseBody().get("id").asString();
        String second = accepted(submit(bob, key, request("Bob's " + UUID.randomUUID()))).getResponseBody().get("id").asString();

        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void malformedKeysAreRefusedWith400AndNothingIsStored() {
        String token = tokenFor(uniqueUser());
        for (String key : List.of("\"\"", "\"" + "k".repeat(256) + "\"", "\"unterminated", "two,keys")) {
            JsonNode problem = problem(submit(token, key, request("Malformed key " + UUID.randomUUID())), HttpStatus.BAD_REQUEST);
            assertThat(problem.get("detail").asString()).startsWith("Idempotency-Key must be a Structured Field string");
        }
        assertThat(get(token, "/api/v1/team-requests").get("items")).isEmpty();
    }

    @Test
    void requestWithoutAKeyIsStillAccepted() {
        String token = tokenFor(uniqueUser());
        submit(token, request("No key " + UUID.randomUUID())).expectStatus().isAccepted();
    }

    @Test
    void refusedRequestDoesNotKeepTheKey() {
        String token = tokenFor(uniqueUser());
        String key = uniqueKey();
        String noOwners = ServiceTestJson.of(Map.of("displayName", "Refused " + UUID.randomUUID(), "owners", List.of()));
        problem(submit(token, key, noOwners), HttpStatus.UNPROCESSABLE_CONTENT);

        // The draft: a key whose request failed may be used again, here with a corrected body.
        accepted(submit(token, key, request("Corrected " + UUID.randomUUID())));
    }
}
