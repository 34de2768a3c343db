package org.teamsprovisioner.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service on PostgreSQL (as in production) with the sandbox Graph simulator. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles({"sandbox", "test"})
@Import(TestClockConfiguration.class)
public abstract class SandboxPostgresTest extends ServiceTestSupport {

    private static final int PORT = FreePort.find();

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        use(PostgresDatabase.get(), registry);
    }

    /** Points a test context's JDBC and R2DBC pools at {@code db}. */
    public static void use(PostgresDatabase db, DynamicPropertyRegistry registry) {
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
