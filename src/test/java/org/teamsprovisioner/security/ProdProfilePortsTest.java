package org.teamsprovisioner.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teamsprovisioner.support.RunningService;
import org.teamsprovisioner.support.SharedTenant;
import tools.jackson.databind.JsonNode;

/**
 * A prod replica serves the API and nothing else on its public port; health and metrics answer on the
 * management port, and every path nobody serves is a 404 problem.
 */
class ProdProfilePortsTest {

    private static SharedTenant tenant;
    private static RunningService service;

    @BeforeAll
    static void start() {
        tenant = new SharedTenant(List.of(), Map.of());
        service = tenant.replica();
    }

    @AfterAll
    static void stop() {
        if (tenant != null) {
            tenant.close();
        }
    }

    private static JsonNode notFoundProblem(WebTestClient.ResponseSpec response) {
        return response.expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    void healthAndMetricsAnswerOnTheManagementPort() {
        assertThat(service.managementPort()).isNotEqualTo(service.port());

        // Ready means the database answers, through both pools; Graph's state is not part of it.
        service.management().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.components.db.status").isEqualTo("UP")
                .jsonPath("$.components.r2dbc.status").isEqualTo("UP")
                .jsonPath("$.components.circuitBreakers").doesNotExist();
        service.management().get().uri("/actuator/health/graph").exchange().expectStatus().isOk();
        assertThat(service.management().get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody()).contains("resilience4j_circuitbreaker_state");
    }

    @Test
    void theApiPoolHoldsMoreConnectionsThanBootsDefault() {
        // 20 in prod (application-prod.yml), as operators see it: at Boot's 10, 16 concurrent status reads queued for connections.
        assertThat(service.management().get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody())
                .containsPattern("(?m)^r2dbc_pool_max_allocated_connections\\{[^}]*\\} 20\\.0$");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/prometheus", "/actuator/health", "/actuator/health/graph", "/actuator"})
    void actuatorIsNotServedOnTheApiPort(String path) {
        JsonNode problem = notFoundProblem(service.http().get().uri(path).exchange());

        assertThat(problem.get("code").asString()).isEqualTo("path.unknown");
    }

    @Test
    void unknownPathIsANotFoundProblemWithOrWithoutAToken() {
        String token = tenant.userToken("alice@contoso.com");

        JsonNode anonymous = notFoundProblem(service.http().get().uri("/admin/users").exchange());
        JsonNode withToken = notFoundProblem(service.http().get().uri("/admin/users").headers(h -> h.setBearerAuth(token)).exchange());

        assertThat(anonymous.get("detail").asString()).isEqualTo(withToken.get("detail").asString()).doesNotContain("static resource");
        assertThat(anonymous.get("correlationId").asString()).isNotBlank();
    }

    @Test
    void unknownApiPathIsANotFoundProblemThatSuggestsNoFiles() {
        JsonNode problem = notFoundProblem(service.http().get().uri("/api/v1/nothing-here")
                .headers(h -> h.setBearerAuth(tenant.userToken("alice@contoso.com"))).exchange());

        assertThat(problem.get("detail").asString()).doesNotContain("static resource").contains("docs/api.md");
    }

    @Test
    void simulatorPathsAreNotServedInProd() {
        notFoundProblem(service.http().post().uri("/sandbox/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("user=alice@contoso.com").exchange());
    }
}
