package org.teamsprovisioner.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.teamsprovisioner.support.SandboxH2Test;

/**
 * Tracing switched on as docs/observability.md says: spans reach an OTLP collector (a real HTTP
 * receiver here) and log lines written while serving a request carry its trace id.
 */
@ExtendWith(OutputCaptureExtension.class)
// Logging is set up before dynamic properties exist: its settings go here.
@TestPropertySource(properties = "logging.structured.format.console=ecs")
class TracingExportTest extends SandboxH2Test {

    private static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
    private static final HttpServer COLLECTOR = collector();

    @DynamicPropertySource
    static void tracing(DynamicPropertyRegistry registry) {
        registry.add("management.tracing.export.enabled", () -> "true");
        registry.add("management.tracing.sampling.probability", () -> "1.0");
        registry.add("management.opentelemetry.tracing.export.otlp.endpoint",
                () -> "http://127.0.0.1:" + COLLECTOR.getAddress().getPort() + "/v1/traces");
        registry.add("spring.reactor.context-propagation", () -> "auto");
    }

    @AfterAll
    static void stopCollector() {
        COLLECTOR.stop(0);
    }

    @Test
    void tracesReachTheCollectorAndLogLinesCarryTheTraceId(CapturedOutput output) throws InterruptedException {
        String token = tokenFor("alice@contoso.com");
        submit(token, """
                {"displayName": "Traced %s", "owners": ["alice@contoso.com", "bob@contoso.com"]}
                """.formatted(UUID.randomUUID())).expectStatus().isAccepted();

        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (RECEIVED.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(RECEIVED).as("OTLP exports received").isNotEmpty().allMatch(request -> request.startsWith("POST /v1/traces"));
        // The policy's directory read happens while the submit is served: its line has the submit's trace.
        assertThat(output.getOut().lines().filter(line -> line.contains("Graph GET /users")))
                .isNotEmpty()
                .allMatch(line -> line.matches(".*\"traceId\":\"[0-9a-f]{32}\".*"));
    }

    private static HttpServer collector() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                RECEIVED.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " " + body.length);
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
