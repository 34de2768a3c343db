package org.teamsprovisioner.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.teamsprovisioner.api.IdempotencyKeyFixtures.request;
import static org.teamsprovisioner.api.IdempotencyKeyFixtures.uniqueKey;
import static org.teamsprovisioner.api.IdempotencyKeyFixtures.uniqueUser;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.teamsprovisioner.support.PostgresDatabase;
import org.teamsprovisioner.support.RunningService;
import org.teamsprovisioner.support.SandboxPostgresTest;
import tools.jackson.databind.JsonNode;

/**
 * A repeat is answered with its first use's request even where the policy would now refuse it: the
 * submit checks the policy before it looks the key up (SubmitTeamRequest), so a refusal must still
 * be turned into the repeat's answer. Here a replica started after the policy was tightened (a name
 * word blocked) gets the repeat, as happens during a rolling update.
 */
class IdempotencyKeyPolicyChangePostgresTest extends SandboxPostgresTest {

    @Test
    void repeatToAReplicaWhosePolicyNowRefusesTheNameGetsTheFirstResponse() {
        Map<String, Object> tightened = new HashMap<>(sharedGraph());
        tightened.put("provisioner.policy.naming.blocked-words", "Lunar");
        try (RunningService stricter = RunningService.onPostgres(PostgresDatabase.get(), tightened)) {
            String user = uniqueUser();
            String key = uniqueKey();
            String body = request("Lunar " + UUID.randomUUID());
            String first = IdempotencyKeyFixtures.submit(http(), tokenFor(user), key, body).expectStatus().isAccepted()
                    .expectHeader().valueMatches(HttpHeaders.LOCATION, "/api/v1/team-requests/.+")
                    .returnResult(Void.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);
            String there = stricter.tokenFor(user);

            String repeat = IdempotencyKeyFixtures.submit(stricter.http(), there, key, body).expectStatus().isAccepted()
                    .returnResult(Void.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);
            JsonNode refused = IdempotencyKeyFixtures.submit(stricter.http(), there, uniqueKey(), body)
                    .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT).expectBody(JsonNode.class).returnResult().getResponseBody();

            assertThat(repeat).as("the repeat names the request the key's first use stored").isEqualTo(first);
            assertThat(refused.get("violations").toString()).as("the same body under a new key is refused there").contains("naming.blockedWord");
            assertThat(stricter.get(there, "/api/v1/team-requests").get("items")).hasSize(1);
        }
    }
}
