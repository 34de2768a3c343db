package org.teamsprovisioner.api;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.teamsprovisioner.support.FreePort;
import org.teamsprovisioner.support.PostgresDatabase;

/** On PostgreSQL, as in production: an expired key is taken over by {@code ON CONFLICT ... DO UPDATE}. */
class IdempotencyKeyExpiryPostgresTest extends IdempotencyKeyExpiryScenario {

    private static final int PORT = FreePort.find();

    @DynamicPropertySource
    static void ownInstance(DynamicPropertyRegistry registry) {
        PostgresDatabase db = PostgresDatabase.fresh();
        registry.add("server.port", () -> PORT);
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
        registry.add("spring.r2dbc.url", db::r2dbcUrl);
        registry.add("spring.r2dbc.username", db::user);
        registry.add("spring.r2dbc.password", db::password);
    }

    @Override
    public int port() {
        return PORT;
    }
}
