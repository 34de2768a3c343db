package org.teamsprovisioner.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.teamsprovisioner.support.LogEvents;
import org.teamsprovisioner.support.SandboxH2Test;
import reactor.core.publisher.Hooks;

/**
 * Tracing switched on as docs/observability.md says: spans reach an OTLP collector (a real HTTP
 * receiver here) and log lines written while serving a request carry its trace id, before and after its
 * database statements.
 */
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
        // Boot turned Reactor's automatic propagation on for this context, and that switch is global: the tests
        // after this one in the JVM get the default back, as production has it.
        Hooks.disableAutomaticContextPropagation();
    }

    @Test
    void tracesReachTheCollectorAndLogLinesCarryTheTraceId() throws InterruptedException {
        String token = tokenFor("alice@contoso.com");
        List<ILoggingEvent> directoryReads;
        List<ILoggingEvent> accepted;
        try (LogEvents events = LogEvents.capture()) {
            submit(token, """
                    {"displayName": "Traced %s", "owners": ["alice@contoso.com", "bob@contoso.com"]}
                    """.formatted(UUID.randomUUID())).expectStatus().isAccepted();
            directoryReads = events.events().stream().filter(event -> event.getFormattedMessage().startsWith("Graph GET /users")).toList();
            accepted = events.events().stream().filter(event -> event.getFormattedMessage().contains(" accepted from ")).toList();
        }

        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (RECEIVED.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(RECEIVED).as("OTLP exports received").isNotEmpty().allMatch(request -> request.startsWith("POST /v1/traces"));
        // The policy's directory read happens while the submit is served, on an event-loop thread: its line has the trace.
        assertThat(directoryReads).isNotEmpty()
                .allMatch(event -> event.getMDCPropertyMap().getOrDefault("traceId", "").matches("[0-9a-f]{32}"));
        // One trace for the whole submit: the directory read made for its policy check (through the directory cache)
        // and the acceptance, logged after the request was stored.
        assertThat(accepted).singleElement().extracting(event -> event.getMDCPropertyMap().get("traceId"))
                .isEqualTo(directoryReads.get(0).getMDCPropertyMap().get("traceId"));
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
