package org.teamsprovisioner.support;

import java.io.File;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.teamsprovisioner.TeamsProvisionerApplication;
import org.teamsprovisioner.sandbox.GraphSimulatorApplication;
import tools.jackson.databind.JsonNode;

/**
 * A deployment as in production, for multi-replica tests: one standalone Graph and Entra simulator
 * (one tenant), one PostgreSQL database, and service replicas in profile {@code prod} that all call
 * that Graph and accept its signed user tokens — in this JVM, or in JVMs of their own that a test can
 * kill with SIGKILL.
 */
public final class SharedTenant implements AutoCloseable {

    private final ConfigurableApplicationContext simulator;
    private final int graphPort;
    private final PostgresDatabase db;
    private final Map<String, Object> settings;
    private final List<Process> jvms = new ArrayList<>();
    private final List<RunningService> inProcess = new ArrayList<>();

    /**
     * @param simulatorSettings {@code provisioner.sandbox.*} settings without the prefix, e.g. {@code throttling.create-team=10/1s}
     * @param serviceSettings extra settings of every replica (full keys), over the fast test timings
     */
    public SharedTenant(List<String> simulatorSettings, Map<String, Object> serviceSettings) {
        graphPort = FreePort.find();
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=graph-simulator", "--server.port=" + graphPort,
                "--logging.level.root=warn"));
        simulatorSettings.forEach(setting -> args.add("--provisioner.sandbox." + setting));
        simulator = GraphSimulatorApplication.run(args.toArray(String[]::new));
        db = PostgresDatabase.fresh();
        settings = new LinkedHashMap<>(defaults(db, graphPort));
        settings.putAll(serviceSettings);
    }

    private static Map<String, Object> defaults(PostgresDatabase db, int graphPort) {
        String sandbox = "http://localhost:" + graphPort + "/sandbox";
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("PROVISIONER_DB_HOST", db.host());
        settings.put("PROVISIONER_DB_PORT", db.port());
        settings.put("PROVISIONER_DB_NAME", db.name());
        settings.put("PROVISIONER_DB_USER", db.user());
        settings.put("PROVISIONER_DB_PASSWORD", db.password());
        settings.put("PROVISIONER_GRAPH_TENANT_ID", "sandbox-tenant");
        settings.put("PROVISIONER_GRAPH_CLIENT_ID", "sandbox-client");
        settings.put("PROVISIONER_GRAPH_CLIENT_SECRET", "sandbox-secret");
        settings.put("PROVISIONER_API_AUDIENCE", "api://teams-provisioner");
        settings.put("provisioner.graph.base-url", sandbox + "/graph/v1.0");
        settings.put("provisioner.graph.token-uri", sandbox + "/login/{tenant-id}/oauth2/v2.0/token");
        settings.put("provisioner.security.jwt.issuer-uri", "https://sandbox.teams-provisioner.invalid/issuer");
        settings.put("provisioner.security.jwt.jwk-set-uri", sandbox + "/login/sandbox-tenant/discovery/v2.0/keys");
        settings.put("provisioner.provisioning.poll-initial-delay", "200ms");
        settings.put("provisioner.provisioning.poll-interval", "200ms");
        settings.put("provisioner.provisioning.retry-initial-backoff", "200ms");
        settings.put("provisioner.jobs.polling-interval", "300ms");
        // A dead replica's jobs are revived after heartbeat-interval × missed-heartbeats-limit.
        settings.put("provisioner.jobs.heartbeat-interval", "500ms");
        settings.put("provisioner.jobs.missed-heartbeats-limit", "4");
        settings.put("logging.level.root", "warn");
        return settings;
    }

    public PostgresDatabase database() {
        return db;
    }

    /** A replica in this JVM. */
    public RunningService replica() {
        return replica(Map.of());
    }

    /** A replica in this JVM with settings of its own over the tenant's (full keys). */
    public RunningService replica(Map<String, Object> overrides) {
        Map<String, Object> own = new LinkedHashMap<>(settings);
        own.putAll(overrides);
        RunningService replica = RunningService.start(db, own, "prod");
        inProcess.add(replica);
        return replica;
    }

    /** A replica in its own JVM, so it can be killed abruptly (SIGKILL: no shutdown hooks, no cleanup); serving once this returns. */
    public Process replicaJvm(int port) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), TeamsProvisionerApplication.class.getName(),
                "--spring.profiles.active=prod", "--server.port=" + port, "--management.server.port=0"));
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        File log = Files.createTempFile("replica-" + port + "-", ".log").toFile();
        Process replica = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        jvms.add(replica);
        awaitUp(replica, port, Duration.ofSeconds(90), log);
        return replica;
    }

    private static void awaitUp(Process replica, int port, Duration limit, File log) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (!replica.isAlive()) {
                throw new AssertionError("replica on port " + port + " exited with " + replica.exitValue() + " before serving (see " + log + ")");
            }
            try (Socket ignored = new Socket("localhost", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("replica on port " + port + " did not start within " + limit + " (see " + log + ")");
    }

    /** A user token signed by the tenant's issuer, valid on every replica. */
    public String userToken(String user) {
        return client(graphPort).post().uri("/sandbox/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("user", user))
                .exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("access_token").asString();
    }

    /** An application's own token (no {@code scp}) with {@code roles}, signed by the tenant's issuer. */
    public String appToken(String app, String... roles) {
        return client(graphPort).post().uri("/sandbox/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("user", app).with("scope", "").with("roles", String.join(",", roles)))
                .exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("access_token").asString();
    }

    /** The simulator's {@code _state}: teams, groups and counters. */
    public JsonNode graphState() {
        return client(graphPort).get().uri("/sandbox/graph/_state").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    public static WebTestClient client(int port) {
        // _state lists every team with the body it was created from: megabytes after a bulk.
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024)).build();
    }

    @Override
    public void close() {
        jvms.forEach(Process::destroyForcibly);
        inProcess.forEach(RunningService::close);
        simulator.close();
    }
}
