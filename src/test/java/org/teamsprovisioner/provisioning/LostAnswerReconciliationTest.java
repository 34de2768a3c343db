package org.teamsprovisioner.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.teamsprovisioner.support.PostgresDatabase;
import org.teamsprovisioner.support.RunningService;
import tools.jackson.databind.JsonNode;

/**
 * Direct mode on PostgreSQL with a Graph whose {@code POST /teams} answers arrive after the client
 * has given up: the team is created, the answer is lost. The next try looks for the team first and
 * adopts it, so exactly one team exists per request.
 */
class LostAnswerReconciliationTest {

    private static RunningService service;

    @BeforeAll
    static void start() {
        service = RunningService.onPostgres(PostgresDatabase.fresh(), Map.of(
                "provisioner.sandbox.faults.latency-min", "1200ms",
                "provisioner.sandbox.faults.latency-max", "1300ms",
                "provisioner.sandbox.faults.routes", "POST /teams",
                "provisioner.graph.response-timeout", "700ms"));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void teamWhoseCreationAnswerWasLostIsAdoptedNotCreatedAgain() {
        String token = service.tokenFor("alice@contoso.com");
        String name = "Lost answer " + UUID.randomUUID().toString().substring(0, 8);
        String location = service.submit(token, "{\"displayName\":\"" + name + "\",\"owners\":[\"alice@contoso.com\"]}")
                .expectStatus().isAccepted()
                .returnResult(JsonNode.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);

        JsonNode done = service.awaitEnd(token, location);

        assertThat(done.get("status").asString()).isEqualTo("SUCCEEDED");
        JsonNode state = service.sandboxState();
        assertThat(state.get("counters").get("teamsCreatedByDisplayName").get(name).asInt()).isEqualTo(1);
        assertThat(state.get("counters").get("callsByRoute").get("GET /groups 200").asInt()).isPositive();
    }
}
