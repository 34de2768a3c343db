package org.teamsprovisioner.sandbox;

import java.time.Clock;
import java.util.Map;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.server.RouterFunctions;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.teamsprovisioner.sandbox.routes.SandboxRoutes;
import org.teamsprovisioner.sandbox.settings.SandboxProperties;

/**
 * The simulator's routes on a free port with the real clock, for tests outside this package that
 * need a simulator of their own with particular throttling or faults: it starts in milliseconds,
 * where the standalone simulator program takes seconds.
 */
public final class SimulatorServer implements AutoCloseable {

    private final DisposableServer server;

    /** @param settings provisioner.sandbox.* properties, kebab-case, as in a yml file */
    public SimulatorServer(Map<String, String> settings) {
        SandboxProperties properties = RunningSandbox.properties(settings);
        this.server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle(new ReactorHttpHandlerAdapter(RouterFunctions.toHttpHandler(
                        SandboxRoutes.create(properties, RunningSandbox.ISSUER, Clock.systemUTC()).router())))
                .bindNow();
    }

    /** The simulator root, {@code http://127.0.0.1:port/sandbox}, as the service's settings address it. */
    public String root() {
        return "http://127.0.0.1:" + server.port() + "/sandbox";
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
