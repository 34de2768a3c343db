package org.teamsprovisioner.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** Requests with an Idempotency-Key over real HTTP, shared by the H2 and PostgreSQL tests. */
final class IdempotencyKeyFixtures {

    private IdempotencyKeyFixtures() {
    }

    static String uniqueUser() {
        return "idem-" + UUID.randomUUID().toString().substring(0, 8) + "@contoso.com";
    }

    static String uniqueKey() {
        return UUID.randomUUID().toString();
    }

    static String request(String displayName) {
        return ServiceTestJson.of(Map.of("displayName", displayName, "owners", List.of("alice@contoso.com"),
                "members", List.of("carol@contoso.com")));
    }

    static WebTestClient.ResponseSpec submit(WebTestClient http, String token, String key, String json) {
        return http.post().uri("/api/v1/team-requests")
                .headers(h -> {
                    h.setBearerAuth(token);
                    h.set("Idempotency-Key", key);
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }

    static long teamsCreated(JsonNode sandboxState, String displayName) {
        JsonNode count = sandboxState.at("/counters/teamsCreatedByDisplayName").get(displayName);
        return count == null ? 0 : count.asLong();
    }
}
