package org.teamsprovisioner.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.teamsprovisioner.support.RunningService;
import org.teamsprovisioner.support.SharedTenant;
import tools.jackson.databind.JsonNode;

/** How often a running {@code teamsAsyncOperation} is read: at the poll interval, or later when Graph's Retry-After asks for it. */
class OperationPollingTest {

    @Test
    void pollsOfARunningOperationWaitForTheRetryAfterGraphSends() {
        // The operation runs 2.5 s; the service would poll every 200 ms, Graph asks for 1 s between checks.
        try (SharedTenant tenant = new SharedTenant(List.of("operations.not-started=100ms", "operations.in-progress=2400ms",
                "operations.poll-retry-after=1s"), Map.of())) {
            RunningService replica = tenant.replica();
            String token = tenant.userToken("alice@contoso.com");

            String location = replica.submit(token, "{\"displayName\":\"Patient poller\",\"owners\":[\"alice@contoso.com\"]}")
                    .expectStatus().isAccepted()
                    .returnResult(JsonNode.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);
            JsonNode done = replica.awaitEnd(token, location);

            assertThat(done.get("status").asString()).isEqualTo("SUCCEEDED");
            long polls = tenant.graphState().get("counters").get("callsByRoute").path("GET /teams/{id}/operations/{id} 200").asLong();
            // Every 200 ms would be about 13 polls; every second (plus jitter) from the first at 200 ms is 3 or 4.
            assertThat(polls).isBetween(2L, 4L);
        }
    }
}
