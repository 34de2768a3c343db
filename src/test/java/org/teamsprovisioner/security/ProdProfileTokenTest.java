package org.teamsprovisioner.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teamsprovisioner.support.PostgresDatabase;
import org.teamsprovisioner.support.RunningService;

/**
 * The prod profile as deployed: PostgreSQL, and callers' tokens from a real OpenID Connect issuer
 * (mock-oauth2-server standing in for Entra ID), whose signing keys are found through its
 * discovery document over HTTP. Jobs are off: this is about who may call the API.
 */
class ProdProfileTokenTest {

    private static final String AUDIENCE = "api://teams-provisioner";
    private static MockOAuth2Server entra;
    private static RunningService service;

    @BeforeAll
    static void start() {
        entra = new MockOAuth2Server();
        entra.start();
        PostgresDatabase db = PostgresDatabase.fresh();
        service = RunningService.start(db, Map.ofEntries(
                Map.entry("PROVISIONER_DB_HOST", db.host()),
                Map.entry("PROVISIONER_DB_PORT", db.port()),
                Map.entry("PROVISIONER_DB_NAME", db.name()),
                Map.entry("PROVISIONER_DB_USER", db.user()),
                Map.entry("PROVISIONER_DB_PASSWORD", db.password()),
                Map.entry("PROVISIONER_GRAPH_TENANT_ID", "contoso-tenant"),
                Map.entry("PROVISIONER_GRAPH_CLIENT_ID", "provisioner-app"),
                Map.entry("PROVISIONER_GRAPH_CLIENT_SECRET", "not-used-here"),
                Map.entry("PROVISIONER_API_AUDIENCE", AUDIENCE),
                Map.entry("provisioner.security.jwt.issuer-uri", entra.issuerUrl("entra").toString()),
                Map.entry("provisioner.jobs.enabled", false)), "prod");
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (entra != null) {
            entra.shutdown();
        }
    }

    private static String token(String issuerId, String audience) {
        return entra.issueToken(issuerId, "alice@contoso.com", audience, Map.of("oid", "0040b377-61d8-43db-94f5-81374122dc7e"), 3600)
                .serialize();
    }

    private static WebTestClient.ResponseSpec list(String token) {
        return service.http().get().uri("/api/v1/team-requests").headers(h -> h.setBearerAuth(token)).exchange();
    }

    @Test
    void tokenFromTheConfiguredIssuerForThisApiIsAccepted() {
        String token = token("entra", AUDIENCE);

        service.submit(token, "{\"displayName\":\"Prod team\",\"owners\":[\"alice@contoso.com\"]}").expectStatus().isAccepted();
        list(token).expectStatus().isOk().expectBody().jsonPath("$.items[0].displayName").isEqualTo("Prod team");
    }

    @Test
    void tokenForAnotherAudienceIsRejected() {
        list(token("entra", "api://someone-else")).expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, v -> assertThat(v).contains("invalid_token"));
    }

    @Test
    void tokenFromAnotherIssuerIsRejected() {
        list(token("another-tenant", AUDIENCE)).expectStatus().isUnauthorized();
    }
}
