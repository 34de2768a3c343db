package org.teamsprovisioner.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.teamsprovisioner.sandbox.settings.SandboxProperties;

import static org.assertj.core.api.Assertions.assertThat;

/** provisioner.sandbox.operations.failure-rate and .seed: reproducible createTeam failures. */
class SandboxOperationFailureRateTest {

    private static final int TEAMS = 20;

    @Test
    void sameSeedGivesTheSameOutcomesOverTwentyTeams() {
        List<String> first = outcomes(Map.of("provisioner.sandbox.operations.failure-rate", "0.5",
                "provisioner.sandbox.operations.seed", "42"));
        List<String> second = outcomes(Map.of("provisioner.sandbox.operations.failure-rate", "0.5",
                "provisioner.sandbox.operations.seed", "42"));

        assertThat(second).isEqualTo(first);
        // One draw per created team from java.util.Random(seed): the documented sequence.
        assertThat(first).isEqualTo(expected(42, 0.5));
        assertThat(first).contains("failed", "succeeded");
    }

    @Test
    void anotherSeedGivesAnotherSequence() {
        List<String> seed42 = outcomes(Map.of("provisioner.sandbox.operations.failure-rate", "0.5",
                "provisioner.sandbox.operations.seed", "42"));
        List<String> seed7 = outcomes(Map.of("provisioner.sandbox.operations.failure-rate", "0.5",
                "provisioner.sandbox.operations.seed", "7"));

        assertThat(expected(7, 0.5)).isNotEqualTo(expected(42, 0.5)); // Else this test proves nothing.
        assertThat(seed7).isEqualTo(expected(7, 0.5)).isNotEqualTo(seed42);
    }

    @Test
    void byDefaultNoOperationFailsUnlessItsNameCarriesTheMarker() {
        assertThat(outcomes(Map.of())).hasSize(TEAMS).containsOnly("succeeded");
    }

    @Test
    void rateOneFailsEveryOperationAndSaysWhy() {
        try (RunningSandbox sandbox = new RunningSandbox(Map.of("provisioner.sandbox.operations.failure-rate", "1.0"))) {
            String token = sandbox.graphToken();
            String location = sandbox.createTeamLocation(token, "Unlucky");
            sandbox.clock.advance(Duration.ofSeconds(3));

            JsonNode operation = sandbox.getJson(token, sandbox.graph(location));

            assertThat(operation.get("status").stringValue()).isEqualTo("failed");
            assertThat(operation.at("/error/code").stringValue()).isEqualTo("InternalServerError");
            assertThat(operation.at("/error/message").stringValue()).contains("failure-rate");
        }
    }

    @Test
    void rejectedRequestsDoNotConsumeADraw() {
        Map<String, String> settings = Map.of("provisioner.sandbox.operations.failure-rate", "0.5",
                "provisioner.sandbox.operations.seed", "42");
        try (RunningSandbox sandbox = new RunningSandbox(settings)) {
            String token = sandbox.graphToken();
            for (int i = 0; i < TEAMS; i++) {
                sandbox.createTeam(token, "{\"displayName\": \"no template\"}").expectStatus().isBadRequest();
                sandbox.createTeamLocation(token, name(i));
            }
            sandbox.clock.advance(Duration.ofSeconds(3));

            assertThat(statuses(sandbox)).isEqualTo(expected(42, 0.5));
        }
    }

    @Test
    void failureRateOutsideZeroToOneStopsTheApplication() {
        new ApplicationContextRunner().withUserConfiguration(SandboxConfiguration.class)
                .withPropertyValues("spring.profiles.active=sandbox", "provisioner.sandbox.operations.failure-rate=1.5")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .isInstanceOf(BindValidationException.class)
                            .hasMessageContaining("failureRate");
                });
    }

    @Test
    void failureRateAndSeedDefaultToZero() {
        SandboxProperties.Operations operations = RunningSandbox.properties(Map.of()).operations();

        assertThat(operations.failureRate()).isZero();
        assertThat(operations.seed()).isZero();
    }

    /** Creates {@link #TEAMS} teams one after the other and reads how each operation ended. */
    private static List<String> outcomes(Map<String, String> settings) {
        try (RunningSandbox sandbox = new RunningSandbox(settings)) {
            String token = sandbox.graphToken();
            for (int i = 0; i < TEAMS; i++) {
                sandbox.createTeamLocation(token, name(i));
            }
            sandbox.clock.advance(Duration.ofSeconds(3));
            return statuses(sandbox);
        }
    }

    /** The status of "Team 00", "Team 01", ... in creation order (the clock stood still, so _state's order is by id). */
    private static List<String> statuses(RunningSandbox sandbox) {
        String[] statuses = new String[TEAMS];
        for (JsonNode team : sandbox.state().get("teams")) {
            int index = Integer.parseInt(team.get("displayName").stringValue().substring("Team ".length()));
            statuses[index] = team.get("status").stringValue();
        }
        return List.of(statuses);
    }

    private static List<String> expected(long seed, double rate) {
        Random random = new Random(seed);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < TEAMS; i++) {
            expected.add(random.nextDouble() < rate ? "failed" : "succeeded");
        }
        return expected;
    }

    private static String name(int i) {
        return "Team %02d".formatted(i);
    }
}
