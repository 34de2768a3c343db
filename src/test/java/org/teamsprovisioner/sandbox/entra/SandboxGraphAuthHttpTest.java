package org.teamsprovisioner.sandbox.entra;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teamsprovisioner.sandbox.RunningSandbox;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxGraphAuthHttpTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final RunningSandbox sandbox = new RunningSandbox(Map.of(
            "provisioner.sandbox.clients[0].client-id", "sandbox-client",
            "provisioner.sandbox.clients[0].client-secret", "sandbox-secret",
            "provisioner.sandbox.clients[0].roles", "Team.Create",
            "provisioner.sandbox.clients[1].client-id", "directory-reader",
            "provisioner.sandbox.clients[1].client-secret", "reader-secret",
            "provisioner.sandbox.clients[1].roles", "User.Read.All"));

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void callWithoutTokenIsRejectedWithGraphsErrorShape() {
        EntityExchangeResult<String> result = sandbox.client.post().uri(sandbox.graph("/teams"))
                .header("client-request-id", "my-client-id-1")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(RunningSandbox.teamWithOwner("No token"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectHeader().valueEquals("client-request-id", "my-client-id-1")
                .expectHeader().valueMatches("request-id", UUID_PATTERN)
                .expectHeader().valueMatches("WWW-Authenticate", "Bearer .*00000003-0000-0000-c000-000000000000.*")
                .expectBody(String.class).returnResult();

        JsonNode error = RunningSandbox.json(result.getResponseBody()).get("error");
        assertThat(error.get("code").stringValue()).isEqualTo("InvalidAuthenticationToken");
        assertThat(error.get("message").stringValue()).isEqualTo("Access token is empty.");
        JsonNode inner = error.get("innerError");
        assertThat(inner.get("date").stringValue()).isEqualTo("2026-03-02T09:00:00Z");
        assertThat(inner.get("request-id").stringValue())
                .isEqualTo(result.getResponseHeaders().getFirst("request-id"));
        assertThat(inner.get("client-request-id").stringValue()).isEqualTo("my-client-id-1");
    }

    @Test
    void withoutClientRequestIdGraphEchoesTheRequestId() {
        EntityExchangeResult<String> result = sandbox.get("not-a-jwt", sandbox.graph("/teams('x')"))
                .expectStatus().isUnauthorized()
                .expectBody(String.class).returnResult();

        String requestId = result.getResponseHeaders().getFirst("request-id");
        assertThat(result.getResponseHeaders().getFirst("client-request-id")).isEqualTo(requestId);
        JsonNode error = RunningSandbox.json(result.getResponseBody()).get("error");
        assertThat(error.get("message").stringValue()).isEqualTo("CompactToken parsing failed with error code: 80049217");
        assertThat(error.at("/innerError/client-request-id").stringValue()).isEqualTo(requestId);
    }

    @Test
    void tokenSignedByAnotherKeyIsRejected() {
        String forged = SandboxIssuer.generate().issue(new JWTClaimsSet.Builder()
                .audience("https://graph.microsoft.com")
                .claim("idtyp", "app")
                .claim("roles", List.of("Team.Create")), sandbox.clock.instant(), Duration.ofHours(1));

        assertInvalidToken(sandbox.get(forged, sandbox.graph("/teams('x')")), "Invalid signature");
    }

    @Test
    void expiredTokenIsRejected() {
        String token = sandbox.graphToken();
        sandbox.get(token, sandbox.graph("/teams('x')")).expectStatus().isNotFound();

        sandbox.clock.advance(Duration.ofHours(1));

        assertInvalidToken(sandbox.get(token, sandbox.graph("/teams('x')")), "the token is expired");
    }

    @Test
    void tokenForAnotherAudienceIsRejected() {
        String token = RunningSandbox.ISSUER.issue(new JWTClaimsSet.Builder()
                .audience("api://teams-provisioner")
                .claim("idtyp", "app")
                .claim("roles", List.of("Team.Create")), sandbox.clock.instant(), Duration.ofHours(1));

        assertInvalidToken(sandbox.get(token, sandbox.graph("/teams('x')")), "Invalid audience");
    }

    @Test
    void authenticationIsCheckedBeforeThePathIsJudged() {
        assertInvalidToken(sandbox.get("", sandbox.graph("/no-such-thing")), "Access token is empty.");
    }

    @Test
    void appWithoutTeamCreateOrGroupReadWriteCannotCreateTeams() {
        String token = sandbox.graphToken("directory-reader", "reader-secret");

        JsonNode error = RunningSandbox.json(sandbox.createTeam(token, RunningSandbox.teamWithOwner("Denied"))
                .expectStatus().isForbidden()
                .expectHeader().valueMatches("request-id", UUID_PATTERN)
                .expectBody(String.class).returnResult().getResponseBody()).get("error");

        assertThat(error.get("code").stringValue()).isEqualTo("Authorization_RequestDenied");
        assertThat(error.get("message").stringValue()).contains("Team.Create").contains("Roles on the request 'User.Read.All'");
        assertThat(sandbox.state().get("teams").size()).isZero();
    }

    @Test
    void appWithoutReadPermissionCannotReadTeams() {
        String token = sandbox.graphToken("directory-reader", "reader-secret");

        JsonNode error = RunningSandbox.json(sandbox.get(token, sandbox.graph("/teams('x')/operations('y')"))
                .expectStatus().isForbidden()
                .expectBody(String.class).returnResult().getResponseBody()).get("error");

        assertThat(error.get("code").stringValue()).isEqualTo("Authorization_RequestDenied");
    }

    @Test
    void unsimulatedPathsAndMethodsAreGraphErrorsToo() {
        String token = sandbox.graphToken();
        JsonNode unknown = RunningSandbox.json(sandbox.get(token, sandbox.graph("/sites('s1')"))
                .expectStatus().isBadRequest()
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(unknown.at("/error/message").stringValue()).isEqualTo("Resource not found for the segment 'sites'.");

        sandbox.client.delete().uri(sandbox.graph("/teams('x')")).header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().valueMatches("request-id", UUID_PATTERN);
    }

    private static void assertInvalidToken(WebTestClient.ResponseSpec response, String messagePart) {
        JsonNode error = RunningSandbox.json(response
                .expectStatus().isUnauthorized()
                .expectHeader().valueMatches("request-id", UUID_PATTERN)
                .expectBody(String.class).returnResult().getResponseBody()).get("error");
        assertThat(error.get("code").stringValue()).isEqualTo("InvalidAuthenticationToken");
        assertThat(error.get("message").stringValue()).contains(messagePart);
    }
}
