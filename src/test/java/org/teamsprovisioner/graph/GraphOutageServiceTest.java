package org.teamsprovisioner.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.teamsprovisioner.provisioning.GraphWorkload;
import org.teamsprovisioner.support.SandboxH2Test;
import tools.jackson.databind.JsonNode;

/** How the whole service behaves while Graph is down or throttles it: health, metrics and postponed jobs. */
class GraphOutageServiceTest extends SandboxH2Test {

    @Autowired
    private CircuitBreakerRegistry breakers;

    @Autowired
    private GraphClient graph;

    @Autowired
    private DatabaseClient db;

    @Autowired
    private GraphProperties properties;

    @Test
    void openBreakerShowsInTheGraphHealthGroupWhileLivenessAndReadinessStayUp() {
        CircuitBreaker breaker = breakers.circuitBreaker(GraphGuards.breakerName(GraphWorkload.GET_TEAM));
        breaker.transitionToOpenState();
        try {
            GraphException postponed = catchThrowableOfType(GraphException.class,
                    () -> graph.getTeam(UUID.randomUUID().toString()).block());

            assertThat(postponed.code()).isEqualTo(GraphException.CIRCUIT_OPEN);
            assertThat(postponed.isPostponement()).isTrue();
            http().get().uri("/actuator/health/graph").exchange()
                    .expectStatus().isEqualTo(503)
                    .expectBody()
                    .jsonPath("$.status").isEqualTo("DOWN")
                    .jsonPath("$.components.circuitBreakers.details['graph-get-team'].details.state").isEqualTo("OPEN")
                    .jsonPath("$.components.circuitBreakers.details['graph-directory'].details.state").isEqualTo("CLOSED");
            http().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
            http().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        } finally {
            breaker.transitionToClosedState();
        }
        http().get().uri("/actuator/health/graph").exchange().expectStatus().isOk();
    }

    @Test
    void resilienceMetricsAreExposedToPrometheus() {
        String metrics = http().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(metrics).contains("resilience4j_circuitbreaker_state{", "name=\"graph-create-team\"",
                "name=\"graph-directory\"", "resilience4j_retry_calls", "name=\"graph-reads\"");
    }

    @Test
    void requestWaitsWhileTeamCreationIsThrottledAndThenSucceeds() {
        Instant until = Instant.now().plusSeconds(3);
        new R2dbcGraphWorkloadStore(db).pause(properties.tenantId(), GraphWorkload.CREATE_TEAM, until, Duration.ZERO).block();
        String token = tokenFor("throttled@contoso.com");
        String name = "Throttled " + UUID.randomUUID();

        String location = submit(token, "{\"displayName\": \"" + name + "\", \"owners\": [\"alice@contoso.com\"]}")
                .expectStatus().isAccepted()
                .returnResult(JsonNode.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);
        JsonNode done = awaitEnd(token, location);

        assertThat(done.get("status").asString()).isEqualTo("SUCCEEDED");
        JsonNode team = null;
        for (JsonNode candidate : sandboxState().get("teams")) {
            if (candidate.get("displayName").asString().equals(name)) {
                team = candidate;
            }
        }
        assertThat(team).isNotNull();
        assertThat(OffsetDateTime.parse(team.get("createdDateTime").asString()).toInstant()).isAfterOrEqualTo(until);
    }
}
