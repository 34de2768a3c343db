package org.teamsprovisioner.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.teamsprovisioner.TeamsProvisionerApplication;
import org.teamsprovisioner.sandbox.GraphSimulatorApplication;
import org.teamsprovisioner.support.FreePort;
import org.teamsprovisioner.support.PostgresDatabase;
import org.teamsprovisioner.support.RunningService;
import tools.jackson.databind.JsonNode;

/**
 * Two replicas on one PostgreSQL and one simulated tenant. Replica A, a separate JVM, accepts
 * requests and is killed with SIGKILL while its jobs are in flight — some with a {@code POST /teams}
 * Graph has processed but whose answer A never stored. Replica B takes the orphaned jobs over when
 * A's heartbeats stop, and every request ends SUCCEEDED with exactly one team in Graph.
 */
class CrashRecoveryTest {

    private static final int REQUESTS = 6;

    private ConfigurableApplicationContext simulator;
    private Process replicaA;
    private RunningService replicaB;

    @AfterEach
    void stop() {
        if (replicaA != null) {
            replicaA.destroyForcibly();
        }
        if (replicaB != null) {
            replicaB.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void replicaKilledMidFlightLeavesWorkThatAnotherFinishesWithOneTeamEach() throws Exception {
        int graphPort = FreePort.find();
        // Graph processes each POST /teams at once but answers a second later: a kill in that second
        // leaves a team in Graph whose creation the replica never recorded.
        simulator = GraphSimulatorApplication.run(new String[] {"--spring.profiles.active=graph-simulator",
                "--server.port=" + graphPort, "--provisioner.sandbox.faults.latency-min=1000ms",
                "--provisioner.sandbox.faults.latency-max=1500ms", "--provisioner.sandbox.faults.routes=POST /teams",
                "--provisioner.sandbox.operations.not-started=100ms", "--provisioner.sandbox.operations.in-progress=300ms"});
        PostgresDatabase db = PostgresDatabase.fresh();
        Map<String, Object> settings = settings(db, graphPort);

        int portA = FreePort.find();
        replicaA = startJvm(settings, portA);
        WebTestClient a = client(portA);
        awaitUp(replicaA, portA, Duration.ofSeconds(90));
        String token = userToken(graphPort);
        List<String> names = new ArrayList<>();
        List<String> locations = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            String name = "Crash " + i + " " + UUID.randomUUID().toString().substring(0, 6);
            names.add(name);
            locations.add(a.post().uri("/api/v1/team-requests").headers(h -> h.setBearerAuth(token))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"displayName\":\"" + name + "\",\"owners\":[\"alice@contoso.com\"]}")
                    .exchange().expectStatus().isAccepted()
                    .returnResult(JsonNode.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION));
        }
        awaitPostsInFlight(graphPort, Duration.ofSeconds(20));
        replicaA.destroyForcibly().waitFor();

        replicaB = RunningService.start(db, settings, "prod");
        for (String location : locations) {
            assertThat(replicaB.awaitEnd(token, location).get("status").asString()).as(location).isEqualTo("SUCCEEDED");
        }
        JsonNode created = state(graphPort).get("counters").get("teamsCreatedByDisplayName");
        for (String name : names) {
            assertThat(created.get(name).asInt()).as("teams created for '%s'", name).isEqualTo(1);
        }
    }

    private static Map<String, Object> settings(PostgresDatabase db, int graphPort) {
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
        return settings;
    }

    /** The service in its own JVM, so it can be killed abruptly (SIGKILL: no shutdown hooks, no cleanup). */
    private static Process startJvm(Map<String, Object> settings, int port) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "-cp", System.getProperty("java.class.path"), TeamsProvisionerApplication.class.getName(),
                "--spring.profiles.active=prod", "--server.port=" + port));
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        File log = Files.createTempFile("replica-a", ".log").toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    private static WebTestClient client(int port) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(20)).build();
    }

    private static void awaitUp(Process replica, int port, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (!replica.isAlive()) {
                throw new AssertionError("replica A exited with " + replica.exitValue() + " before serving (see its replica-a*.log)");
            }
            try (Socket ignored = new Socket("localhost", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(250);
            }
        }
        throw new AssertionError("replica A did not start within " + limit);
    }

    private static String userToken(int graphPort) {
        return client(graphPort).post().uri("/sandbox/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("user", "alice@contoso.com"))
                .exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("access_token").asString();
    }

    private static JsonNode state(int graphPort) {
        return client(graphPort).get().uri("/sandbox/graph/_state").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** Waits until Graph has processed at least one POST /teams of A (its answer is still delayed). */
    private static void awaitPostsInFlight(int graphPort, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (state(graphPort).get("teams").size() > 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("replica A sent no POST /teams within " + limit);
    }
}
