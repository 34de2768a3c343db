package org.teamsprovisioner.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.teamsprovisioner.support.PostgresDatabase;
import org.teamsprovisioner.support.RunningService;
import tools.jackson.databind.JsonNode;

/**
 * Jobs live in the database, not in the replica that accepted the request: a request accepted by
 * an instance that never provisions survives that instance's shutdown and is provisioned by another.
 */
class ReplicaHandoverTest {

    private static final String REQUEST = """
            {"displayName": "Handover team", "owners": ["alice@contoso.com"]}""";

    @Test
    void requestAcceptedByOneReplicaIsProvisionedByAnotherAfterTheFirstStops() throws InterruptedException {
        PostgresDatabase db = PostgresDatabase.fresh();
        String location;

        try (RunningService apiOnly = RunningService.onPostgres(db, Map.of("provisioner.jobs.enabled", false))) {
            String token = apiOnly.tokenFor("handover@contoso.com");
            location = apiOnly.submit(token, REQUEST).expectStatus().isAccepted()
                    .returnResult(JsonNode.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);
            Thread.sleep(1000);
            assertThat(apiOnly.get(token, location).get("status").asString()).isEqualTo("ACCEPTED");
        }

        try (RunningService worker = RunningService.onPostgres(db, Map.of())) {
            JsonNode done = worker.awaitEnd(worker.tokenFor("handover@contoso.com"), location);

            assertThat(done.get("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(done.get("teamId").asString()).isNotBlank();
            assertThat(worker.sandboxState().get("teams")).hasSize(1);
        }
    }
}
