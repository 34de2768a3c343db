package org.teamsprovisioner.api;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.teamsprovisioner.support.FreePort;
import org.teamsprovisioner.support.PostgresDatabase;
import org.teamsprovisioner.support.SandboxPostgresTest;

/** On PostgreSQL, as in production: an expired key is taken over by {@code ON CONFLICT ... DO UPDATE}. */
class IdempotencyKeyExpiryPostgresTest extends IdempotencyKeyExpiryScenario {

    private static final int PORT = FreePort.find();

    @DynamicPropertySource
    static void ownInstance(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        SandboxPostgresTest.use(PostgresDatabase.fresh(), registry);
    }

    @Override
    public int port() {
        return PORT;
    }
}
