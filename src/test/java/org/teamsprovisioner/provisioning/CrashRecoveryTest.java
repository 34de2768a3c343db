package org.teamsprovisioner.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teamsprovisioner.support.FreePort;
import org.teamsprovisioner.support.RunningService;
import org.teamsprovisioner.support.SharedTenant;
import tools.jackson.databind.JsonNode;

/**
 * Two replicas on one PostgreSQL and one simulated tenant. Replica A, a separate JVM, accepts
 * requests and is killed with SIGKILL while its jobs are in flight — some with a {@code POST /teams}
 * Graph has processed but whose answer A never stored. Replica B takes the orphaned jobs over when
 * A's heartbeats stop, and every request ends SUCCEEDED with exactly one team in Graph.
 */
class CrashRecoveryTest {

    private static final int REQUESTS = 6;

    private SharedTenant tenant;

    @AfterEach
    void stop() {
        if (tenant != null) {
            tenant.close();
        }
    }

    @Test
    void replicaKilledMidFlightLeavesWorkThatAnotherFinishesWithOneTeamEach() throws Exception {
        // Graph processes each POST /teams at once but answers a second later: a kill in that second
        // leaves a team in Graph whose creation the replica never recorded.
        tenant = new SharedTenant(List.of("faults.latency-min=1000ms", "faults.latency-max=1500ms", "faults.routes=POST /teams",
                "operations.not-started=100ms", "operations.in-progress=300ms"), Map.of());
        int portA = FreePort.find();
        Process replicaA = tenant.replicaJvm(portA);
        WebTestClient a = SharedTenant.client(portA);
        String token = tenant.userToken("alice@contoso.com");
        List<String> names = new ArrayList<>();
        List<String> locations = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            String name = "Crash " + i + " " + UUID.randomUUID().toString().substring(0, 6);
            names.add(name);
            locations.add(a.post().uri("/api/v1/team-requests").headers(h -> h.setBearerAuth(token))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"displayName\":\"" + name + "\",\"owners\":[\"alice@contoso.com\"]}")
                    .exchange().expectStatus().isAccepted()
                    .returnResult(JsonNode.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION));
        }
        awaitPostsInFlight(Duration.ofSeconds(20));
        replicaA.destroyForcibly().waitFor();

        RunningService replicaB = tenant.replica();
        for (String location : locations) {
            assertThat(replicaB.awaitEnd(token, location).get("status").asString()).as(location).isEqualTo("SUCCEEDED");
        }
        JsonNode created = tenant.graphState().get("counters").get("teamsCreatedByDisplayName");
        for (String name : names) {
            assertThat(created.get(name).asInt()).as("teams created for '%s'", name).isEqualTo(1);
        }
    }

    /** Waits until Graph has processed at least one POST /teams of A (its answer is still delayed). */
    private void awaitPostsInFlight(Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (tenant.graphState().get("teams").size() > 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("replica A sent no POST /teams within " + limit);
    }
}
