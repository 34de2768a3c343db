package org.teamsprovisioner.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.teamsprovisioner.support.Portals;
import org.teamsprovisioner.support.RunningService;
import org.teamsprovisioner.support.SharedTenant;
import tools.jackson.databind.JsonNode;

/**
 * Correctness at scale, not speed: many portal callers submitting at once to two replicas on
 * PostgreSQL, against the simulator's throttling at Microsoft's limits (and, in the second test,
 * Graph failing a quarter of all calls). Every submit is accepted (the portal's directory reads
 * stay apart from the writes' backlog and ride over faults), no breaker opens, no call comes before
 * a Retry-After, and every request ends SUCCEEDED with exactly one team.
 */
class BulkAtGraphsLimitTest {

    private static final int PORTALS = 16;
    private static final String OWNERS = "[\"alice@contoso.com\"]";
    private static final String MEMBERS = "[\"bob@contoso.com\"]";

    @Test
    void bulkBeyondThePostTeamsLimitIsAcceptedAtOnceAndDrainsWithoutThrottling() throws Exception {
        // 240 POST /teams at 10 per second: twice what the simulator's bucket (100, refilled at 10/s)
        // absorbs, so two replicas pacing themselves separately at 10/s each would be throttled.
        int requests = 240;
        JsonNode counters = bulkFromManyPortals(requests, List.of("operations.not-started=100ms", "operations.in-progress=300ms"));

        JsonNode calls = counters.get("callsByRoute");
        assertThat(calls.path("POST /teams 202").asInt()).isEqualTo(requests);
        assertThat(counters.get("throttledCalls").asLong()).as("429s %s", calls).isZero();
        assertThat(calls.path("GET /teams/{id}/operations/{id} 200").asDouble() / requests)
                .as("operation polls per team").isLessThanOrEqualTo(4.0);
    }

    @Test
    void graphFailingAQuarterOfAllCallsStillAcceptsEverySubmitAndCreatesEveryTeamOnce() throws Exception {
        int requests = 80;
        JsonNode counters = bulkFromManyPortals(requests, List.of("faults.rate=0.25", "faults.seed=11",
                "operations.not-started=100ms", "operations.in-progress=300ms"));

        assertThat(counters.get("faultsInjected").path("503").asLong() + counters.get("faultsInjected").path("504").asLong())
                .as("faults injected").isGreaterThan(requests / 2);
    }

    /**
     * Submits {@code requests} from {@value #PORTALS} portals to two replicas and waits for all of
     * them, asserting what holds in every case: every submit accepted, every request SUCCEEDED with
     * one team, no early retry, no breaker ever open.
     *
     * @return the simulator's counters, for the case's own assertions
     */
    private static JsonNode bulkFromManyPortals(int requests, List<String> simulatorSettings) throws Exception {
        try (SharedTenant tenant = new SharedTenant(simulatorSettings, Map.of()); Portals portals = new Portals(PORTALS)) {
            List<RunningService> replicas = List.of(tenant.replica(), tenant.replica());
            portals.watchBreakers(replicas);
            List<String> names = Portals.uniqueNames("Bulk", requests);

            List<Integer> statuses = portals.submitAll(replicas, tenant.userToken("alice@contoso.com"), names, OWNERS, MEMBERS);
            Map<String, Long> ended = Portals.awaitEnded(tenant.database(), requests, Duration.ofSeconds(120));

            assertThat(statuses).as("portal answers").containsOnly(202);
            assertThat(ended).isEqualTo(Map.of("SUCCEEDED", (long) requests));
            JsonNode counters = tenant.graphState().get("counters");
            assertOneTeamEach(counters, names);
            assertThat(counters.get("earlyRetries").asLong()).isZero();
            assertThat(portals.breakerAlarms()).as("breakers seen open").isEmpty();
            return counters;
        }
    }

    private static void assertOneTeamEach(JsonNode counters, List<String> names) {
        JsonNode created = counters.get("teamsCreatedByDisplayName");
        for (String name : names) {
            assertThat(created.path(name).asInt()).as("teams created for '%s'", name).isEqualTo(1);
        }
    }
}
