package org.teamsprovisioner.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.teamsprovisioner.TeamsProvisionerApplication;
import org.teamsprovisioner.sandbox.GraphSimulatorApplication;
import org.teamsprovisioner.support.FreePort;

/**
 * A simulator profile next to prod would let the sandbox's token endpoint mint tokens that the prod
 * API accepts, so neither entry point starts that way. The arguments are a prod deployment's (its
 * environment as properties), so without the guard these would start.
 */
class SimulatorBesideProdTest {

    private static final String REFUSAL = "must not be active together with";

    private static String[] deployment(String profiles) {
        return new String[] {"--spring.profiles.active=" + profiles, "--server.port=" + FreePort.find(),
                "--management.server.port=" + FreePort.find(),
                "--PROVISIONER_DB_HOST=127.0.0.1", "--PROVISIONER_DB_USER=postgres", "--PROVISIONER_DB_PASSWORD=",
                "--PROVISIONER_GRAPH_TENANT_ID=sandbox-tenant", "--PROVISIONER_GRAPH_CLIENT_ID=sandbox-client",
                "--PROVISIONER_GRAPH_CLIENT_SECRET=sandbox-secret", "--PROVISIONER_API_AUDIENCE=api://teams-provisioner"};
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod,sandbox", "sandbox,prod", "prod,graph-simulator"})
    void theServiceRefusesToStartWithASimulatorProfileBesideProd(String profiles) {
        // main() is the jar's entry point; with graph-simulator among the profiles it starts the standalone simulator.
        assertThatThrownBy(() -> TeamsProvisionerApplication.main(deployment(profiles)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("prod " + REFUSAL)
                .hasMessageContaining(profiles.contains("graph-simulator") ? "graph-simulator" : "sandbox");
    }

    @Test
    void profilesAddedByTheApplicationBuilderAreCheckedToo() {
        // As RunningService starts a replica: the profiles are the builder's, not a property.
        assertThatThrownBy(() -> new SpringApplicationBuilder(TeamsProvisionerApplication.class).profiles("prod", "sandbox")
                .run(deployment("default")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("prod " + REFUSAL + " sandbox");
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod,graph-simulator", "graph-simulator,prod"})
    void theStandaloneSimulatorRefusesToStartBesideProd(String profiles) {
        assertThatThrownBy(() -> GraphSimulatorApplication.run(deployment(profiles)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("prod " + REFUSAL + " graph-simulator");
    }
}
