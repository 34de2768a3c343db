package org.teamsprovisioner.graph;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teamsprovisioner.sandbox.SimulatorServer;
import tools.jackson.databind.JsonNode;

/**
 * A Graph simulator of its own, over HTTP, with a tenant of its own, so a test's
 * throttling and faults, its counters and its tenant's throttling pause touch no other test.
 */
final class StandaloneSimulator implements AutoCloseable {

    final String tenantId = "resilience-" + UUID.randomUUID();
    private final SimulatorServer server;

    /** @param settings provisioner.sandbox.* settings without the prefix, e.g. {@code faults.rate=1} */
    StandaloneSimulator(String... settings) {
        Map<String, String> properties = new HashMap<>(Map.of("provisioner.sandbox.tenant-id", tenantId));
        for (String setting : settings) {
            String[] keyValue = setting.split("=", 2);
            properties.put("provisioner.sandbox." + keyValue[0], keyValue[1]);
        }
        server = new SimulatorServer(properties);
    }

    /** The simulator root, {@code http://127.0.0.1:port/sandbox}. */
    String root() {
        return server.root();
    }

    JsonNode counters() {
        return WebTestClient.bindToServer().baseUrl(root()).responseTimeout(Duration.ofSeconds(10)).build()
                .get().uri("/graph/_state").exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("counters");
    }

    long faultsInjected() {
        long total = 0;
        for (JsonNode count : counters().get("faultsInjected")) {
            total += count.asLong();
        }
        return total;
    }

    @Override
    public void close() {
        server.close();
    }
}
