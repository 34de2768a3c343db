package org.teamsprovisioner.sandbox;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxStateHttpTest {

    private final RunningSandbox sandbox = new RunningSandbox();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void stateOfAFreshTenantIsEmpty() {
        JsonNode state = sandbox.state();

        assertThat(state.get("tenantId").stringValue()).isEqualTo("sandbox-tenant");
        assertThat(state.get("teams").isArray()).isTrue();
        assertThat(state.get("teams").size()).isZero();
        assertThat(state.at("/counters/tokenRequests").longValue()).isZero();
        assertThat(state.at("/counters/callsByRoute").size()).isZero();
    }

    @Test
    void stateCountsGraphCallsByRouteTemplateAndStatus() {
        String token = sandbox.graphToken();
        String first = sandbox.createTeamLocation(token, "One");
        sandbox.createTeamLocation(token, "Two [fail]");
        sandbox.createTeam(token, "{}").expectStatus().isBadRequest();
        sandbox.createTeam("garbage", RunningSandbox.teamWithOwner("Three")).expectStatus().isUnauthorized();
        sandbox.get(token, sandbox.graph(first)).expectStatus().isOk();
        sandbox.get(token, sandbox.graph(first.substring(0, first.indexOf("/operations")))).expectStatus().isNotFound();
        sandbox.get(token, sandbox.graph("/sites")).expectStatus().isBadRequest();

        JsonNode calls = sandbox.state().at("/counters/callsByRoute");

        assertThat(calls.get("POST /teams 202").longValue()).isEqualTo(2);
        assertThat(calls.get("POST /teams 400").longValue()).isEqualTo(1);
        assertThat(calls.get("POST /teams 401").longValue()).isEqualTo(1);
        assertThat(calls.get("GET /teams/{id}/operations/{id} 200").longValue()).isEqualTo(1);
        assertThat(calls.get("GET /teams/{id} 404").longValue()).isEqualTo(1);
        assertThat(calls.get("GET /(unrecognized) 400").longValue()).isEqualTo(1);
        assertThat(calls.size()).isEqualTo(6);
        assertThat(sandbox.state().at("/counters/tokenRequests").longValue()).isEqualTo(1);
    }

    @Test
    void stateListsTeamsWithTheirCurrentOperationStatus() {
        String token = sandbox.graphToken();
        sandbox.createTeamLocation(token, "Alpha");
        sandbox.clock.advance(Duration.ofSeconds(1));
        sandbox.createTeamLocation(token, "Beta [fail]");

        sandbox.clock.advance(Duration.ofMillis(1500));

        JsonNode teams = sandbox.state().get("teams");
        assertThat(teams.size()).isEqualTo(2);
        assertThat(teams.get(0).get("displayName").stringValue()).isEqualTo("Alpha");
        assertThat(teams.get(0).get("status").stringValue()).isEqualTo("succeeded");
        assertThat(teams.get(1).get("displayName").stringValue()).isEqualTo("Beta [fail]");
        assertThat(teams.get(1).get("status").stringValue()).isEqualTo("inProgress");

        sandbox.clock.advance(Duration.ofSeconds(1));

        assertThat(sandbox.state().at("/teams/1/status").stringValue()).isEqualTo("failed");
    }
}
