package org.teamsprovisioner.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.teamsprovisioner.support.SandboxH2Test;
import org.teamsprovisioner.support.TestClock;
import tools.jackson.databind.JsonNode;

/**
 * A refused call tells the caller a stable code, a short message and a correlation id; which check
 * failed goes to the log under that id, where an operator finds it when the portal developer quotes it.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProblemCorrelationTest extends SandboxH2Test {

    private static final String CORRELATION = "X-Correlation-Id";

    @Autowired
    private TestClock clock;

    private EntityExchangeResult<JsonNode> list(String token, String correlationId) {
        return http().get().uri("/api/v1/team-requests")
                .headers(h -> {
                    h.setBearerAuth(token);
                    if (correlationId != null) {
                        h.set(CORRELATION, correlationId);
                    }
                })
                .exchange()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult();
    }

    private static String correlationIdOf(EntityExchangeResult<JsonNode> result) {
        String id = result.getResponseHeaders().getFirst(CORRELATION);
        assertThat(result.getResponseBody().get("correlationId").asString()).isEqualTo(id).isNotBlank();
        return id;
    }

    @Test
    void tokenSignedByAnotherKeyGetsNoValidatorDetailButACorrelationIdThatTheLogNames(CapturedOutput output) {
        EntityExchangeResult<JsonNode> refused = list(ForeignTokens.signedByUnknownKey("mallory@contoso.com"), null);

        assertThat(refused.getStatus().value()).isEqualTo(401);
        JsonNode problem = refused.getResponseBody();
        assertThat(problem.get("code").asString()).isEqualTo("token.rejected");
        assertThat(problem.get("detail").asString()).isEqualTo("The bearer token was rejected: it is malformed, expired, not yet valid or not for this API.");
        assertThat(refused.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer error=\"invalid_token\"");
        String id = correlationIdOf(refused);
        assertThat(output).containsPattern("401 GET /api/v1/team-requests correlationId=" + id + ": .*(key|signature)");
    }

    @Test
    void expiredTokenIsLoggedAsExpiredAndTheCallerGetsTheShortMessage(CapturedOutput output) {
        clock.advance(Duration.ofHours(-2));
        String expired;
        try {
            expired = tokenFor("alice@contoso.com");
        } finally {
            clock.reset();
        }

        EntityExchangeResult<JsonNode> refused = list(expired, "portal-7f3a.42");

        assertThat(refused.getResponseBody().toString()).doesNotContain("Jwt expired");
        assertThat(correlationIdOf(refused)).isEqualTo("portal-7f3a.42");
        assertThat(output).contains("correlationId=portal-7f3a.42: ").contains("Jwt expired at");
    }

    @Test
    void aCorrelationIdThatIsNotAPlainTokenIsReplacedSoCallerTextNeverReachesTheLog(CapturedOutput output) {
        EntityExchangeResult<JsonNode> refused = list("not-a-jwt", "evil\" injected=1 line");

        assertThat(correlationIdOf(refused)).matches("[0-9a-f-]{36}");
        assertThat(output).doesNotContain("injected=1");
    }

    @Test
    void problemsOfTheApiCarryTheCorrelationIdToo() {
        String token = tokenFor("alice@contoso.com");

        EntityExchangeResult<JsonNode> invalid = http().post().uri("/api/v1/team-requests").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"owners\":[\"alice@contoso.com\"]}")
                .exchange().expectStatus().isEqualTo(422).expectBody(JsonNode.class).returnResult();
        EntityExchangeResult<JsonNode> unknown = http().get().uri("/api/v1/nothing-here").headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isNotFound().expectBody(JsonNode.class).returnResult();

        correlationIdOf(invalid);
        correlationIdOf(unknown);
    }
}
