package org.teamsprovisioner.sandbox;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The _state counters resilience tests read: 429s, early retries, faults, and teams created per name. */
class SandboxResilienceCountersHttpTest {

    private final RunningSandbox sandbox = new RunningSandbox();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void freshTenantCountsNoThrottlingNoFaultsAndNoTeams() {
        JsonNode counters = sandbox.state().get("counters");

        assertThat(counters.get("throttledCalls").longValue()).isZero();
        assertThat(counters.get("earlyRetries").longValue()).isZero();
        assertThat(counters.get("faultsInjected").isObject()).isTrue();
        assertThat(counters.get("faultsInjected").size()).isZero();
        assertThat(counters.get("teamsCreatedByDisplayName").isObject()).isTrue();
        assertThat(counters.get("teamsCreatedByDisplayName").size()).isZero();
        assertThat(counters.get("tokenRequests").longValue()).isZero();
        assertThat(counters.get("callsByRoute").size()).isZero();
    }

    @Test
    void teamsCreatedByDisplayNameCountsEveryAcceptedCreateTeamAndNothingElse() {
        String token = sandbox.graphToken();
        sandbox.createTeamLocation(token, "Alpha");
        sandbox.createTeamLocation(token, "Alpha");
        sandbox.createTeamLocation(token, "Doomed [fail]");
        sandbox.createTeam(token, "{\"displayName\":\"Rejected\"}").expectStatus().isBadRequest();
        sandbox.createTeam("not-a-token", RunningSandbox.teamWithOwner("Unauthenticated")).expectStatus().isUnauthorized();

        JsonNode created = sandbox.state().at("/counters/teamsCreatedByDisplayName");

        assertThat(created.properties()).extracting(Map.Entry::getKey).containsExactly("Alpha", "Doomed [fail]");
        assertThat(created.get("Alpha").longValue()).isEqualTo(2);
        assertThat(created.get("Doomed [fail]").longValue()).isEqualTo(1);
    }
}
