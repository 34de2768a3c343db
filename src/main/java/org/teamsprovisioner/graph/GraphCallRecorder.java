package org.teamsprovisioner.graph;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.teamsprovisioner.provisioning.GraphWorkload;
import reactor.core.publisher.Mono;

/**
 * Gives every Graph call a {@code client-request-id}, and records it with the {@code request-id}
 * Graph answers: Microsoft support asks for both to trace one call through Graph ("Microsoft Graph
 * REST API: headers", request-id and client-request-id). One log line and one timer sample per
 * call, tagged by workload, method, route template and status.
 */
final class GraphCallRecorder implements ExchangeFilterFunction {

    static final String METRIC = "provisioner.graph.requests";
    static final String CLIENT_REQUEST_ID = "client-request-id";
    static final String REQUEST_ID = "request-id";

    // A logger of its own, so operators can turn the per-call lines down without losing the rest.
    private static final Logger log = LoggerFactory.getLogger("org.teamsprovisioner.graph.calls");

    private final MeterRegistry registry;
    private final String rootPath;

    /** @param rootPath the path of Graph's base URL, such as {@code /v1.0}, left out of route templates */
    GraphCallRecorder(MeterRegistry registry, String rootPath) {
        this.registry = registry;
        this.rootPath = rootPath.endsWith("/") ? rootPath.substring(0, rootPath.length() - 1) : rootPath;
    }

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        String clientRequestId = UUID.randomUUID().toString();
        ClientRequest identified = ClientRequest.from(request).header(CLIENT_REQUEST_ID, clientRequestId).build();
        String path = request.url().getRawPath();
        String route = GraphRoutes.templateOf(path.startsWith(rootPath) ? path.substring(rootPath.length()) : path);
        String method = request.method().name();
        return Mono.deferContextual(context -> {
            String workload = GraphCallContext.workload(context).map(GraphWorkload::key).orElse("other");
            String teamRequestId = GraphCallContext.teamRequestId(context).orElse(null);
            long start = System.nanoTime();
            return next.exchange(identified)
                    .doOnNext(response -> record(workload, method, route, String.valueOf(response.statusCode().value()),
                            response.headers().asHttpHeaders().getFirst(REQUEST_ID), clientRequestId, teamRequestId, start, null))
                    .doOnError(error -> record(workload, method, route, "IO_ERROR", null, clientRequestId, teamRequestId, start,
                            error));
        });
    }

    private void record(String workload, String method, String route, String status, String requestId, String clientRequestId,
            String teamRequestId, long start, Throwable error) {
        long nanos = System.nanoTime() - start;
        Timer.builder(METRIC)
                .description("Calls to Microsoft Graph by workload, route template and HTTP status (IO_ERROR: no answer)")
                .tag("workload", workload)
                .tag("method", method)
                .tag("route", route)
                .tag("status", status)
                .register(registry)
                .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        boolean ok = error == null && status.startsWith("2");
        var line = log.atLevel(ok ? Level.INFO : Level.WARN)
                .addKeyValue("graph.method", method)
                .addKeyValue("graph.route", route)
                .addKeyValue("graph.status", status)
                .addKeyValue("graph.workload", workload)
                .addKeyValue("graph.clientRequestId", clientRequestId)
                .addKeyValue("graph.requestId", requestId)
                .addKeyValue("graph.durationMs", nanos / 1_000_000);
        if (teamRequestId != null) {
            line = line.addKeyValue(GraphCallContext.TEAM_REQUEST_ID, teamRequestId);
        }
        line.log("Graph {} {} -> {} in {} ms (client-request-id {}, request-id {}){}", method, route, status, nanos / 1_000_000,
                clientRequestId, requestId, error == null ? "" : ": " + error);
    }
}
