package org.teamsprovisioner.api;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.teamsprovisioner.support.FreePort;

/** On H2, as the sandbox runs. */
class IdempotencyKeyExpiryH2Test extends IdempotencyKeyExpiryScenario {

    private static final int PORT = FreePort.find();

    @DynamicPropertySource
    static void ownInstance(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("provisioner.sandbox.database-name", () -> "tp-idem-expiry-" + PORT);
    }

    @Override
    public int port() {
        return PORT;
    }
}
