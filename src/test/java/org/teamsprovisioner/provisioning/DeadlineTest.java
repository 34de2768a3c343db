package org.teamsprovisioner.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.teamsprovisioner.support.PostgresDatabase;
import org.teamsprovisioner.support.RunningService;
import tools.jackson.databind.JsonNode;

/** A request that is still not done past {@code provisioner.provisioning.deadline} fails with a clear error. */
class DeadlineTest {

    @Test
    void requestPastItsDeadlineFailsInsteadOfBeingTriedAgain() {
        try (RunningService hurried = RunningService.onPostgres(PostgresDatabase.fresh(),
                Map.of("provisioner.provisioning.deadline", "1ms"))) {
            String token = hurried.tokenFor("alice@contoso.com");
            String location = hurried.submit(token, "{\"displayName\":\"Too late\",\"owners\":[\"alice@contoso.com\"]}")
                    .expectStatus().isAccepted()
                    .returnResult(JsonNode.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);

            JsonNode done = hurried.awaitEnd(token, location);

            assertThat(done.get("status").asString()).isEqualTo("FAILED");
            assertThat(done.get("error").get("code").asString()).isEqualTo("DeadlineExceeded");
            assertThat(hurried.sandboxState().get("teams")).isEmpty();
        }
    }
}
