package org.teamsprovisioner.support;

import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service in the sandbox profile, with its in-process Graph simulator, over real HTTP. On the
 * sandbox's embedded H2 ({@link SandboxH2Test}) unless the test points it elsewhere
 * ({@link SandboxPostgresTest}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles({"sandbox", "test"})
@Import(TestClockConfiguration.class)
public abstract class SandboxServiceTest extends ServiceTestSupport {

    @Autowired
    private Environment environment;

    /**
     * Runs once for each context Spring builds, so a test class whose settings make a context of its
     * own gets its own port and database while the cached contexts keep theirs: otherwise their job
     * workers would take each other's requests. The port is chosen before start because the sandbox
     * points the Graph client at {@code localhost:${server.port}}.
     */
    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        int port = FreePort.find();
        String database = "tp-" + UUID.randomUUID();
        registry.add("server.port", () -> port);
        registry.add("provisioner.sandbox.database-name", () -> database);
    }

    @Override
    public int port() {
        return environment.getRequiredProperty("local.server.port", Integer.class);
    }
}
