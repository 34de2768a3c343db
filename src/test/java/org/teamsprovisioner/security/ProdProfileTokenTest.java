package org.teamsprovisioner.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.context.ConfigurableApplicationContext;
import org.teamsprovisioner.sandbox.GraphSimulatorApplication;
import org.teamsprovisioner.support.FreePort;
import org.teamsprovisioner.support.PostgresDatabase;
import org.teamsprovisioner.support.RunningService;

/**
 * The prod profile as deployed: PostgreSQL, callers' tokens from a real OpenID Connect issuer
 * (mock-oauth2-server standing in for Entra ID, keys found through its discovery document), and
 * Graph at a separate process-like simulator (the graph-simulator profile) instead of in-process.
 */
class ProdProfileTokenTest {

    private static final String AUDIENCE = "api://teams-provisioner";
    private static MockOAuth2Server entra;
    private static RunningService service;
    private static ConfigurableApplicationContext graph;

    @BeforeAll
    static void start() {
        entra = new MockOAuth2Server();
        entra.start();
        int graphPort = FreePort.find();
        graph = GraphSimulatorApplication.run(new String[] {"--spring.profiles.active=graph-simulator", "--server.port=" + graphPort});
        String simulator = "http://localhost:" + graphPort + "/sandbox";
        PostgresDatabase db = PostgresDatabase.fresh();
        service = RunningService.start(db, Map.ofEntries(
                Map.entry("PROVISIONER_DB_HOST", db.host()),
                Map.entry("PROVISIONER_DB_PORT", db.port()),
                Map.entry("PROVISIONER_DB_NAME", db.name()),
                Map.entry("PROVISIONER_DB_USER", db.user()),
                Map.entry("PROVISIONER_DB_PASSWORD", db.password()),
                Map.entry("PROVISIONER_GRAPH_TENANT_ID", "sandbox-tenant"),
                Map.entry("PROVISIONER_GRAPH_CLIENT_ID", "sandbox-client"),
                Map.entry("PROVISIONER_GRAPH_CLIENT_SECRET", "sandbox-secret"),
                Map.entry("provisioner.graph.base-url", simulator + "/graph/v1.0"),
                Map.entry("provisioner.graph.token-uri", simulator + "/login/{tenant-id}/oauth2/v2.0/token"),
                Map.entry("PROVISIONER_API_AUDIENCE", AUDIENCE),
                Map.entry("provisioner.security.jwt.issuer-uri", entra.issuerUrl("entra").toString()),
                Map.entry("provisioner.provisioning.poll-initial-delay", "200ms"),
                Map.entry("provisioner.provisioning.poll-interval", "200ms"),
                Map.entry("provisioner.jobs.polling-interval", "200ms")), "prod");
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (entra != null) {
            entra.shutdown();
        }
        if (graph != null) {
            graph.close();
        }
    }

    private static String token(String issuerId, String audience) {
        return entra.issueToken(issuerId, "alice@contoso.com", audience, Map.of("oid", "0040b377-61d8-43db-94f5-81374122dc7e",
                "scp", "TeamRequests.ReadWrite"), 3600).serialize();
    }

    private static WebTestClient.ResponseSpec list(String token) {
        return service.http().get().uri("/api/v1/team-requests").headers(h -> h.setBearerAuth(token)).exchange();
    }

    @Test
    void tokenFromTheConfiguredIssuerForThisApiIsAcceptedAndTheTeamIsProvisioned() {
        String token = token("entra", AUDIENCE);

        String location = service.submit(token, "{\"displayName\":\"Prod team\",\"owners\":[\"alice@contoso.com\"]}")
                .expectStatus().isAccepted()
                .returnResult(Void.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);

        list(token).expectStatus().isOk().expectBody().jsonPath("$.items[0].displayName").isEqualTo("Prod team");
        assertThat(service.awaitEnd(token, location).get("status").asString()).isEqualTo("SUCCEEDED");
    }

    @Test
    void tokenForAnotherAudienceIsRejected() {
        list(token("entra", "api://someone-else")).expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, v -> assertThat(v).contains("invalid_token"));
    }

    @Test
    void tokenWithoutExpiryIsRejectedEveryTime() {
        Map<String, Object> claims = new HashMap<>(Map.of("iss", entra.issuerUrl("entra").toString(), "aud", AUDIENCE,
                "sub", "alice@contoso.com", "oid", "0040b377-61d8-43db-94f5-81374122dc7e", "scp", "TeamRequests.ReadWrite"));
        // The mock issuer stamps exp first; a null claim removes it. Signed with the issuer's own key.
        claims.put("exp", null);
        String neverExpires = entra.getConfig().getTokenProvider().jwt(claims, Duration.ofHours(1), "entra").serialize();

        // Twice: a token refused once must not have been kept by the decoder's cache either.
        list(neverExpires).expectStatus().isUnauthorized();
        list(neverExpires).expectStatus().isUnauthorized();
    }

    @Test
    void appOnlyTokenIsAdmittedWithTheAppRoleAndForbiddenWithout() {
        // What Entra issues to a daemon for itself (client credentials): roles and idtyp=app, no scp.
        String withRole = entra.issueToken("entra", "portal-daemon", AUDIENCE,
                Map.of("idtyp", "app", "roles", List.of("TeamRequests.Submit")), 3600).serialize();
        String withoutRole = entra.issueToken("entra", "some-app", AUDIENCE, Map.of("idtyp", "app"), 3600).serialize();

        list(withRole).expectStatus().isOk();
        list(withoutRole).expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void tokenFromAnotherIssuerIsRejected() {
        list(token("another-tenant", AUDIENCE)).expectStatus().isUnauthorized();
    }
}
