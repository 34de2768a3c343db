package org.teamsprovisioner.api;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.teamsprovisioner.support.PostgresDatabase;
import org.teamsprovisioner.support.SandboxPostgresTest;

/** On PostgreSQL, as in production: an expired key is taken over by {@code ON CONFLICT ... DO UPDATE}. */
class IdempotencyKeyExpiryPostgresTest extends IdempotencyKeyExpiryScenario {

    // A database of its own, not the shared one: its retention makes it a context of its own.
    @DynamicPropertySource
    static void freshPostgres(DynamicPropertyRegistry registry) {
        SandboxPostgresTest.use(PostgresDatabase.fresh(), registry);
    }
}
