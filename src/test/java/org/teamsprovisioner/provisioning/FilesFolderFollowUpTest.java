package org.teamsprovisioner.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.teamsprovisioner.support.PostgresDatabase;
import org.teamsprovisioner.support.RunningService;
import tools.jackson.databind.JsonNode;

/** The files-folder follow-up runs after SUCCEEDED; when Graph keeps failing it, the request stays SUCCEEDED. */
class FilesFolderFollowUpTest {

    @Test
    void followUpThatKeepsFailingLeavesTheRequestSucceeded() throws InterruptedException {
        try (RunningService service = RunningService.onPostgres(PostgresDatabase.fresh(), Map.of(
                "provisioner.sandbox.faults.rate", "1.0",
                "provisioner.sandbox.faults.routes", "GET /teams/{id}/channels/{id}/filesFolder",
                "provisioner.provisioning.retry-max-attempts", "2",
                "provisioner.graph.retry.max-attempts", "1"))) {
            String token = service.tokenFor("alice@contoso.com");
            String location = service.submit(token, "{\"displayName\":\"Folder follow-up\",\"owners\":[\"alice@contoso.com\"]}")
                    .expectStatus().isAccepted()
                    .returnResult(JsonNode.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);

            assertThat(service.awaitEnd(token, location).get("status").asString()).isEqualTo("SUCCEEDED");
            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            while (faultsInjected(service) < 2) {
                assertThat(Instant.now()).as("the follow-up never reached Graph twice").isBefore(deadline);
                Thread.sleep(100);
            }
            Thread.sleep(1500); // the job's last run saves its outcome

            assertThat(service.get(token, location).get("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(service.get(token, location).has("error")).isFalse();
        }
    }

    private static long faultsInjected(RunningService service) {
        JsonNode faults = service.sandboxState().get("counters").get("faultsInjected");
        long total = 0;
        for (JsonNode count : faults) {
            total += count.asLong();
        }
        return total;
    }
}
