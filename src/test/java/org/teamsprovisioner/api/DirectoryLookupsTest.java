package org.teamsprovisioner.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;
import org.teamsprovisioner.support.SandboxH2Test;
import tools.jackson.databind.JsonNode;

/**
 * What submits and previews cost in Graph directory calls, counted by the sandbox: everyone a check
 * needs is read in one call, cached users are not read again, and a list over the policy's limit is
 * refused before anything is read. A context of its own, so its directory cache starts empty.
 */
@TestPropertySource(properties = "provisioner.policy.members.max=50")
class DirectoryLookupsTest extends SandboxH2Test {

    private long calls(String route) {
        return sandboxState().get("counters").get("callsByRoute").path(route).asLong();
    }

    private static String body(String name, List<String> owners, List<String> members) {
        return ServiceTestJson.of(Map.of("displayName", name, "owners", owners, "members", members));
    }

    @Test
    void everyoneACheckNeedsIsReadInOneCallAndThenFromTheCache() {
        String token = tokenFor("alice@contoso.com");
        String request = body("Cached", List.of("alice@contoso.com", "bob@contoso.com"), List.of("carol@contoso.com"));
        long before = calls("GET /users 200");

        submit(token, request).expectStatus().isAccepted();
        long afterFirst = calls("GET /users 200");
        submit(token, request).expectStatus().isAccepted();
        http().post().uri("/api/v1/team-requests/preview").headers(h -> h.setBearerAuth(token))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue(request)
                .exchange().expectStatus().isOk();

        assertThat(afterFirst - before).as("owners, member and requester in one GET /users").isEqualTo(1);
        assertThat(calls("GET /users 200")).as("the same people again: no Graph call").isEqualTo(afterFirst);
        assertThat(calls("GET /users/{id} 200")).as("no lookup one user at a time").isZero();
    }

    @Test
    void moreThanFifteenUsersAreReadInOneBatchAndUnknownOnesAreReported() {
        String token = tokenFor("dave@contoso.com");
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            members.add("newcomer" + i + "@contoso.com");
        }
        long batches = calls("POST /$batch 200");
        long lookups = calls("GET /users 200");

        JsonNode problem = submit(token, body("Batched", List.of("dave@contoso.com"), members))
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(problem.get("violations").valueStream().map(v -> v.get("rule").asString()))
                .hasSize(20).containsOnly("members.unknown");
        assertThat(calls("POST /$batch 200") - batches).isEqualTo(1);
        assertThat(calls("GET /users 200") - lookups).as("22 users, 15 per filter").isEqualTo(2);
    }

    @Test
    void membersOverThePolicysLimitAreRefusedBeforeTheDirectoryIsRead() {
        String token = tokenFor("carol@contoso.com");
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            members.add("someone" + i + "@contoso.com");
        }
        long before = calls("GET /users 200") + calls("POST /$batch 200");

        JsonNode problem = submit(token, body("Too many", List.of("carol@contoso.com"), members))
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(problem.get("violations").valueStream().map(v -> v.get("rule").asString())).containsExactly("members.max");
        assertThat(calls("GET /users 200") + calls("POST /$batch 200")).isEqualTo(before);
    }
}
