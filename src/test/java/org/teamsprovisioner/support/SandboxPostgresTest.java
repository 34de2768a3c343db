package org.teamsprovisioner.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service on PostgreSQL (as in production) with the sandbox Graph simulator: the shared test
 * database ({@link PostgresDatabase#get()}), which other replicas started by a test may join.
 */
public abstract class SandboxPostgresTest extends SandboxServiceTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        use(PostgresDatabase.get(), registry);
    }

    /** Points a test context's JDBC and R2DBC pools at {@code db}. */
    public static void use(PostgresDatabase db, DynamicPropertyRegistry registry) {
        db.connectionProperties().forEach((name, value) -> registry.add(name, () -> value));
    }
}
