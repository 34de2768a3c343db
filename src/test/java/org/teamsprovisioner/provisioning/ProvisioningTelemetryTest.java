package org.teamsprovisioner.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.teamsprovisioner.support.LogEvents;
import org.teamsprovisioner.support.SandboxH2Test;
import tools.jackson.databind.JsonNode;

/**
 * What an operator has to follow one request and the whole service: the metrics Prometheus scrapes
 * and the fields of the log lines (which prod renders as ECS JSON), read from a real provisioning run.
 */
@TestPropertySource(properties = "provisioner.jobs.metrics-refresh-interval=100ms")
class ProvisioningTelemetryTest extends SandboxH2Test {

    private static final Pattern METRIC_NAME = Pattern.compile("\\b(provisioner|resilience4j|http_server|cache)_[a-z_]+");

    @Test
    void aProvisionedTeamLeavesItsStoryInMetricsAndLogs() throws IOException {
        try (LogEvents events = LogEvents.capture()) {
            provisionAndRead(events);
        }
    }

    private void provisionAndRead(LogEvents events) throws IOException {
        String token = tokenFor("alice@contoso.com");
        String location = submit(token, """
                {"displayName": "Telemetry %s", "owners": ["alice@contoso.com", "bob@contoso.com"], "members": ["carol@contoso.com"]}
                """.formatted(UUID.randomUUID())).expectStatus().isAccepted()
                .returnResult(JsonNode.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);
        JsonNode done = awaitEnd(token, location);
        assertThat(done.get("status").asString()).isEqualTo("SUCCEEDED");
        String requestId = done.get("id").asString();
        String teamId = done.get("teamId").asString();

        String metrics = http().get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics)
                .contains("provisioner_graph_requests_seconds_count{method=\"POST\",route=\"/teams\",status=\"202\",workload=\"create-team\"}")
                .contains("provisioner_graph_requests_seconds_count{method=\"GET\",route=\"/teams({id})/operations({id})\",status=\"200\","
                        + "workload=\"teams-read\"}")
                .contains("provisioner_steps_seconds_count{outcome=\"advanced\",step=\"CREATE_TEAM\"}")
                .contains("provisioner_team_requests_finished_total{status=\"SUCCEEDED\"}")
                .contains("provisioner_team_requests_duration_seconds_bucket{status=\"SUCCEEDED\"")
                .contains("provisioner_team_requests_unfinished{status=\"ACCEPTED\"}")
                .contains("provisioner_jobs_due ")
                .contains("provisioner_jobs_oldest_due_age_seconds ")
                .contains("provisioner_graph_held_back_total{workload=\"create-team\"}")
                .contains("provisioner_graph_throttled_seconds_count{workload=\"create-team\"}")
                .contains("provisioner_graph_token_requests_total{status=\"200\"}")
                .contains("cache_gets_total{cache=\"graph-directory\",result=\"miss\"}")
                // Ids would make a series per request: Prometheus' memory grows without bound.
                .doesNotContain(requestId)
                .doesNotContain(teamId);

        // What the dashboard and the alert rules query must be what the service exposes.
        for (Path file : List.of(Path.of("docs/grafana-dashboard.json"), Path.of("helm/teams-provisioner/templates/prometheusrule.yaml"))) {
            Matcher names = METRIC_NAME.matcher(Files.readString(file));
            while (names.find()) {
                assertThat(metrics).as("%s queries %s", file, names.group()).contains(names.group());
            }
        }

        List<ILoggingEvent> lines = events.events().stream()
                .filter(event -> LogEvents.field(event, "teamRequestId").filter(requestId::equals).isPresent())
                .toList();
        List<Map<String, Object>> graphCalls = lines.stream().map(LogEvents::fields).filter(fields -> fields.containsKey("graph.route"))
                .toList();
        assertThat(graphCalls).as("Graph calls logged for request %s", requestId).isNotEmpty();
        Map<String, Object> post = graphCalls.stream().filter(call -> call.get("graph.route").equals("/teams")).findFirst().orElseThrow();
        assertThat(post.get("graph.method")).isEqualTo("POST");
        assertThat(post.get("graph.status")).isEqualTo("202");
        assertThat(post.get("graph.clientRequestId").toString()).matches("[0-9a-f-]{36}");
        // The simulator answers request-id as Graph does; support needs it with the client-request-id.
        assertThat(post.get("graph.requestId").toString()).isNotBlank();
        assertThat(lines).as("the submission logged with its caller")
                .anyMatch(line -> line.getFormattedMessage().contains("accepted from") && LogEvents.field(line, "caller").isPresent());
        assertThat(lines).as("step transitions logged for request %s", requestId)
                .anyMatch(line -> line.getFormattedMessage().contains("CREATE_TEAM -> AWAIT_OPERATION"));
    }

    @Test
    void readinessCoversTheDatabaseButNotGraph() {
        JsonNode readiness = http().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(readiness.get("status").asString()).isEqualTo("UP");
        assertThat(readiness.get("components").propertyNames()).contains("db", "r2dbc", "readinessState")
                .doesNotContain("circuitBreakers");
    }

    @Test
    void infoNamesTheBuildAndTheCommit() {
        JsonNode info = http().get().uri("/actuator/info").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(info.path("build").path("version").asString()).isNotBlank();
        assertThat(info.path("git").path("commit").path("id").asString()).isNotBlank();
    }

}
