package org.teamsprovisioner.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teamsprovisioner.sandbox.entra.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/** Graph's per-app-per-tenant throttling, with limits lowered far below Microsoft's so tests hit them. */
class SandboxThrottlingHttpTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private RunningSandbox sandbox;

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    /** A sandbox whose POST /teams bucket holds {@code createTeamLimit}, plus {@code more} settings. */
    private RunningSandbox start(String createTeamLimit, String... more) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "provisioner.sandbox.throttling.create-team", createTeamLimit,
                "provisioner.sandbox.clients[0].client-id", "sandbox-client",
                "provisioner.sandbox.clients[0].client-secret", "sandbox-secret",
                "provisioner.sandbox.clients[0].roles", "Team.Create",
                "provisioner.sandbox.clients[1].client-id", "second-app",
                "provisioner.sandbox.clients[1].client-secret", "second-secret",
                "provisioner.sandbox.clients[1].roles", "Team.Create"));
        for (int i = 0; i < more.length; i += 2) {
            settings.put(more[i], more[i + 1]);
        }
        sandbox = new RunningSandbox(settings);
        return sandbox;
    }

    private WebTestClient.ResponseSpec createTeam(String token, String displayName) {
        return sandbox.createTeam(token, RunningSandbox.teamWithOwner(displayName));
    }

    @ParameterizedTest(name = "{0} with a base of {1} -> Retry-After: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            seconds         | 2s     | 2
            seconds         | 2128ms | 3
            decimal-seconds | 2128ms | 2.128
            decimal-seconds | 2s     | 2
            http-date       | 2s     | Mon, 02 Mar 2026 09:00:03 GMT
            http-date       | 1750ms | Mon, 02 Mar 2026 09:00:02 GMT
            """)
    void exhaustedBucketAnswers429WithRetryAfterInTheConfiguredForm(String form, String base, String retryAfter) {
        start("2/1s", "provisioner.sandbox.throttling.retry-after", form,
                "provisioner.sandbox.throttling.retry-after-base", base);
        String token = sandbox.graphToken();
        createTeam(token, "First").expectStatus().isAccepted();
        createTeam(token, "Second").expectStatus().isAccepted();

        EntityExchangeResult<String> throttled = createTeam(token, "Third")
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectHeader().valueMatches("request-id", UUID_PATTERN)
                .expectBody(String.class).returnResult();

        assertThat(throttled.getResponseHeaders().getFirst("Retry-After")).isEqualTo(retryAfter);
        JsonNode error = RunningSandbox.json(throttled.getResponseBody()).get("error");
        assertThat(error.get("code").stringValue()).isEqualTo("TooManyRequests");
        assertThat(error.get("message").stringValue())
                .isEqualTo("Application is over its resource limit for POST /teams: 2/1s per app per tenant"
                        + " (provisioner.sandbox.throttling.create-team). Please retry again later.");
        assertThat(error.at("/innerError/request-id").stringValue())
                .isEqualTo(throttled.getResponseHeaders().getFirst("request-id"));
        assertThat(error.at("/innerError/date").stringValue()).isEqualTo("2026-03-02T09:00:00Z");
    }

    @Test
    void httpDateRetryAfterIsAnImfFixdateAtLeastTheBaseAheadOfTheSandboxClock() {
        start("1/1s", "provisioner.sandbox.throttling.retry-after", "http-date",
                "provisioner.sandbox.throttling.retry-after-base", "5s");
        sandbox.clock.advance(Duration.ofDays(10)); // 12 March: a two-digit day either way
        String token = sandbox.graphToken();
        createTeam(token, "First").expectStatus().isAccepted();

        String retryAfter = createTeam(token, "Second").expectStatus().isEqualTo(429)
                .returnResult(Void.class).getResponseHeaders().getFirst("Retry-After");

        assertThat(retryAfter).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
        Instant until = ZonedDateTime.parse(retryAfter, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Instant now = sandbox.clock.instant();
        assertThat(until).isAfterOrEqualTo(now.plusSeconds(5)).isBefore(now.plusSeconds(6));
    }

    @Test
    void retryAfterIsTheBucketsOwnWaitWhenThatIsLongerThanTheBase() {
        start("1/30s");
        String token = sandbox.graphToken();
        createTeam(token, "First").expectStatus().isAccepted();

        createTeam(token, "Second").expectStatus().isEqualTo(429).expectHeader().valueEquals("Retry-After", "30");
    }

    @Test
    void callBeforeRetryAfterElapsesIsThrottledAgainWithAFreshRetryAfterAndCountedAsEarlyRetry() {
        start("1/1s", "provisioner.sandbox.throttling.retry-after", "decimal-seconds",
                "provisioner.sandbox.throttling.retry-after-base", "2128ms");
        String token = sandbox.graphToken();
        createTeam(token, "First").expectStatus().isAccepted();
        createTeam(token, "Second").expectStatus().isEqualTo(429).expectHeader().valueEquals("Retry-After", "2.128");

        sandbox.clock.advance(Duration.ofMillis(2127)); // the bucket is full again, but the wait is not over
        EntityExchangeResult<String> early = createTeam(token, "Second").expectStatus().isEqualTo(429)
                .expectHeader().valueEquals("Retry-After", "2.128")
                .expectBody(String.class).returnResult();

        assertThat(RunningSandbox.json(early.getResponseBody()).at("/error/message").stringValue())
                .isEqualTo("Application is over its resource limit: POST /teams was called again before the"
                        + " Retry-After of the previous 429 elapsed, which restarts the wait. Please retry again later.");
        JsonNode counters = sandbox.state().get("counters");
        assertThat(counters.get("throttledCalls").longValue()).isEqualTo(2);
        assertThat(counters.get("earlyRetries").longValue()).isEqualTo(1);

        sandbox.clock.advance(Duration.ofMillis(2127));
        createTeam(token, "Second").expectStatus().isEqualTo(429);
        sandbox.clock.advance(Duration.ofMillis(2128));
        createTeam(token, "Second").expectStatus().isAccepted();

        counters = sandbox.state().get("counters");
        assertThat(counters.get("throttledCalls").longValue()).isEqualTo(3);
        assertThat(counters.get("earlyRetries").longValue()).isEqualTo(2);
        assertThat(counters.get("callsByRoute").get("POST /teams 429").longValue()).isEqualTo(3);
    }

    @Test
    void callAfterRetryAfterElapsedIsAllowedAndIsNoEarlyRetry() {
        start("1/1s");
        String token = sandbox.graphToken();
        createTeam(token, "First").expectStatus().isAccepted();
        createTeam(token, "Second").expectStatus().isEqualTo(429).expectHeader().valueEquals("Retry-After", "2");

        sandbox.clock.advance(Duration.ofSeconds(2));

        createTeam(token, "Second").expectStatus().isAccepted();
        JsonNode counters = sandbox.state().get("counters");
        assertThat(counters.get("throttledCalls").longValue()).isEqualTo(1);
        assertThat(counters.get("earlyRetries").longValue()).isZero();
    }

    @Test
    void bucketRefillsAtItsRateAndNeverAboveItsCapacity() {
        start("2/1s");
        String token = sandbox.graphToken();
        createTeam(token, "A").expectStatus().isAccepted();
        createTeam(token, "B").expectStatus().isAccepted();

        sandbox.clock.advance(Duration.ofMillis(500)); // 2 per second: one request's worth
        createTeam(token, "C").expectStatus().isAccepted();
        createTeam(token, "D").expectStatus().isEqualTo(429);

        sandbox.clock.advance(Duration.ofMinutes(10)); // enough to overflow many times, but it holds 2
        createTeam(token, "D").expectStatus().isAccepted();
        createTeam(token, "E").expectStatus().isAccepted();
        createTeam(token, "F").expectStatus().isEqualTo(429);
    }

    @Test
    void bucketsArePerAppSoAnotherAppIsNotThrottledByTheFirstsExhaustion() {
        start("1/1s");
        String first = sandbox.graphToken();
        String second = sandbox.graphToken("second-app", "second-secret");
        createTeam(first, "First app's team").expectStatus().isAccepted();
        createTeam(first, "First app again").expectStatus().isEqualTo(429);

        createTeam(second, "Second app's team").expectStatus().isAccepted();
        createTeam(second, "Second app again").expectStatus().isEqualTo(429);
    }

    @Test
    void bucketsArePerTenantSoTheSameAppInAnotherTenantIsNotThrottled() {
        start("1/1s");
        String home = sandbox.graphToken();
        String otherTenant = appToken("sandbox-client", "other-tenant");
        createTeam(home, "Home team").expectStatus().isAccepted();
        createTeam(home, "Home again").expectStatus().isEqualTo(429);

        createTeam(otherTenant, "Other tenant's team").expectStatus().isAccepted();
        createTeam(otherTenant, "Other tenant again").expectStatus().isEqualTo(429);
    }

    @Test
    void routeClassesHaveTheirOwnBuckets() {
        start("1/1s", "provisioner.sandbox.throttling.get-team", "1/1s");
        String token = sandbox.graphToken();
        createTeam(token, "First").expectStatus().isAccepted();
        createTeam(token, "Second").expectStatus().isEqualTo(429);

        sandbox.get(token, sandbox.graph("/teams('unknown')")).expectStatus().isNotFound();
        String body = sandbox.get(token, sandbox.graph("/teams('unknown')")).expectStatus().isEqualTo(429)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(RunningSandbox.json(body).at("/error/message").stringValue())
                .contains("GET /teams/{id}: 1/1s").contains("provisioner.sandbox.throttling.get-team");
    }

    @Test
    void throttledCreateTeamCreatesNoTeam() {
        start("1/1s");
        String token = sandbox.graphToken();
        createTeam(token, "Accepted").expectStatus().isAccepted();

        createTeam(token, "Throttled").expectStatus().isEqualTo(429);

        JsonNode state = sandbox.state();
        assertThat(state.get("teams").size()).isEqualTo(1);
        assertThat(state.at("/teams/0/displayName").stringValue()).isEqualTo("Accepted");
        assertThat(state.at("/counters/teamsCreatedByDisplayName").properties())
                .extracting(Map.Entry::getKey).containsExactly("Accepted");
    }

    @Test
    void unauthenticatedCallsAre401AndTakeNoToken() {
        start("1/1s");
        for (int i = 0; i < 3; i++) {
            createTeam("not-a-token", "No token").expectStatus().isUnauthorized();
        }

        createTeam(sandbox.graphToken(), "With token").expectStatus().isAccepted();
        assertThat(sandbox.state().at("/counters/throttledCalls").longValue()).isZero();
    }

    @Test
    void theTokenEndpointIsNotThrottled() {
        start("1/1s", "provisioner.sandbox.throttling.other", "1/1s");

        for (int i = 0; i < 5; i++) {
            sandbox.graphToken();
        }

        assertThat(sandbox.state().at("/counters/tokensIssued").longValue()).isEqualTo(5);
    }

    @Test
    void throttlingCanBeTurnedOff() {
        start("1/1s", "provisioner.sandbox.throttling.enabled", "false");
        String token = sandbox.graphToken();

        for (int i = 0; i < 5; i++) {
            createTeam(token, "Team " + i).expectStatus().isAccepted();
        }
    }

    @Test
    void microsoftsDefaultLimitsLetABurstOfOrdinaryUseThrough() {
        sandbox = new RunningSandbox();
        String token = sandbox.graphToken();

        // The clock stands still, so nothing refills: the burst alone must fit.
        for (int i = 0; i < 60; i++) {
            String location = sandbox.createTeamLocation(token, "Burst " + i);
            sandbox.get(token, sandbox.graph(location)).expectStatus().isOk();
            sandbox.get(token, sandbox.graph(location)).expectStatus().isOk();
        }

        assertThat(sandbox.state().at("/counters/throttledCalls").longValue()).isZero();
    }

    /** A Graph token of the sandbox issuer for {@code appId} in {@code tenantId}, as Entra would issue it there. */
    private String appToken(String appId, String tenantId) {
        return TestTokens.signed(RunningSandbox.ISSUER, new JWTClaimsSet.Builder()
                .audience("https://graph.microsoft.com")
                .issuer("https://sts.windows.net/" + tenantId + "/")
                .claim("appid", appId)
                .claim("tid", tenantId)
                .claim("idtyp", "app")
                .claim("roles", List.of("Team.Create")), sandbox.clock.instant(), Duration.ofHours(1));
    }
}
