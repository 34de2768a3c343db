package org.teamsprovisioner.support;

import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service as a newcomer runs it: sandbox profile, embedded H2, in-process Graph simulator. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles({"sandbox", "test"})
@Import(TestClockConfiguration.class)
public abstract class SandboxH2Test extends ServiceTestSupport {

    private static final int PORT = FreePort.find();
    private static final String DATABASE = "tp-" + UUID.randomUUID();

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("provisioner.sandbox.database-name", () -> DATABASE);
    }

    @Override
    public int port() {
        return PORT;
    }
}
