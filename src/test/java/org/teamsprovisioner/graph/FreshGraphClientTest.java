package org.teamsprovisioner.graph;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.teamsprovisioner.support.SandboxH2Test;

/**
 * Tests that build Graph clients of their own on the sandbox service, against its simulator or a
 * {@link StandaloneSimulator}: each client starts from zero (token cache, breakers, retry, throttle
 * memory) and sees only its own calls.
 */
abstract class FreshGraphClientTest extends SandboxH2Test {

    /** The service's own Graph settings: its sandbox simulator. */
    @Autowired
    GraphProperties properties;

    /** The service's database, where throttling pauses are shared. */
    @Autowired
    DatabaseClient db;

    @Autowired
    private WebClient.Builder webClients;

    @Autowired
    private Clock clock;

    /** Clients built as the service builds its own, with its web client builder, database and clock. */
    TestGraphClients clients() {
        return new TestGraphClients(webClients, db, clock);
    }

    /** The service's Graph settings pointed at {@code simulator} and its tenant. */
    GraphProperties at(StandaloneSimulator simulator) {
        return TestGraphClients.pointedAt(properties, simulator.root(), simulator.tenantId, properties.responseTimeout());
    }
}
