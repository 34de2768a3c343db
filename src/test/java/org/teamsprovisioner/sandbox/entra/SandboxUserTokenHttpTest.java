package org.teamsprovisioner.sandbox.entra;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.teamsprovisioner.sandbox.settings.DefaultDirectory;
import org.teamsprovisioner.sandbox.RunningSandbox;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxUserTokenHttpTest {

    private final RunningSandbox sandbox = new RunningSandbox();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void userOutsideTheDirectoryGetsAStableObjectId() throws Exception {
        String token = RunningSandbox.json(sandbox.client.post().uri("/sandbox/token")
                .body(BodyInserters.fromFormData("user", "visitor@example.org"))
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody()).get("access_token").stringValue();

        assertThat(SignedJWT.parse(token).getJWTClaimsSet().getStringClaim("oid"))
                .isEqualTo(UUID.nameUUIDFromBytes("visitor@example.org".getBytes(StandardCharsets.UTF_8)).toString());
    }

    @Test
    void userTokenForTheServiceApiCarriesTheUserAndRoles() throws Exception {
        JsonNode body = RunningSandbox.json(sandbox.client.post().uri("/sandbox/token")
                .body(BodyInserters.fromFormData("user", "alice@contoso.com").with("roles", "Teams.Admin, Teams.Request"))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(String.class).returnResult().getResponseBody());

        assertThat(body.get("token_type").stringValue()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").longValue()).isEqualTo(3600);
        SignedJWT jwt = SignedJWT.parse(body.get("access_token").stringValue());
        RSAKey publicKey = (RSAKey) RunningSandbox.ISSUER.publicJwkSet().getKeys().get(0);
        assertThat(jwt.verify(new RSASSAVerifier(publicKey))).isTrue();

        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("https://sandbox.teams-provisioner.invalid/issuer");
        assertThat(claims.getAudience()).containsExactly("api://teams-provisioner");
        assertThat(claims.getSubject()).isEqualTo("alice@contoso.com");
        assertThat(claims.getStringClaim("preferred_username")).isEqualTo("alice@contoso.com");
        // alice is in the directory: her token carries her object id, as an Entra token would.
        assertThat(claims.getStringClaim("oid")).isEqualTo(DefaultDirectory.ALICE);
        assertThat(claims.getStringClaim("tid")).isEqualTo("sandbox-tenant");
        assertThat(claims.getStringListClaim("roles")).containsExactly("Teams.Admin", "Teams.Request");
        Date issuedAt = Date.from(RunningSandbox.START.truncatedTo(ChronoUnit.SECONDS));
        assertThat(claims.getIssueTime()).isEqualTo(issuedAt);
        assertThat(claims.getNotBeforeTime()).isEqualTo(issuedAt);
        assertThat(claims.getExpirationTime()).isEqualTo(Date.from(issuedAt.toInstant().plus(Duration.ofHours(1))));
    }

    @Test
    void theSameUserAlwaysGetsTheSameOid() throws Exception {
        assertThat(oid("bob@contoso.com")).isEqualTo(oid("bob@contoso.com")).isNotEqualTo(oid("carol@contoso.com"));
    }

    @Test
    void rolesMayBeSpaceSeparatedAndAreOmittedWhenNotGiven() throws Exception {
        assertThat(UserTokenHandler.roles("a b,c  ,d")).containsExactly("a", "b", "c", "d");
        JWTClaimsSet claims = SignedJWT.parse(token("dave@contoso.com")).getJWTClaimsSet();
        assertThat(claims.getClaims()).doesNotContainKey("roles");
    }

    @Test
    void userTokensCarryTheApiScopeUnlessOtherScopesAreAskedFor() throws Exception {
        assertThat(claims(BodyInserters.fromFormData("user", "alice@contoso.com")).getStringClaim("scp"))
                .isEqualTo("TeamRequests.ReadWrite");
        assertThat(claims(BodyInserters.fromFormData("user", "alice@contoso.com").with("scope", "User.Read, Files.Read"))
                .getStringClaim("scp")).isEqualTo("User.Read Files.Read");
    }

    @Test
    void anEmptyScopeGivesAnAppOnlyTokenAsClientCredentialsWould() throws Exception {
        JWTClaimsSet app = claims(BodyInserters.fromFormData("user", "portal-daemon").with("scope", "").with("roles", "TeamRequests.Submit"));

        assertThat(app.getClaims()).doesNotContainKeys("scp", "preferred_username");
        assertThat(app.getStringClaim("idtyp")).isEqualTo("app");
        assertThat(app.getStringListClaim("roles")).containsExactly("TeamRequests.Submit");
    }

    private JWTClaimsSet claims(BodyInserters.FormInserter<String> form) throws Exception {
        return SignedJWT.parse(RunningSandbox.json(sandbox.client.post().uri("/sandbox/token").body(form)
                .exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody()).get("access_token").stringValue()).getJWTClaimsSet();
    }

    @Test
    void missingUserIsAProblemDetail() {
        JsonNode problem = RunningSandbox.json(sandbox.client.post().uri("/sandbox/token")
                .body(BodyInserters.fromFormData("user", "  "))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody());

        assertThat(problem.get("status").intValue()).isEqualTo(400);
        assertThat(problem.get("title").stringValue()).isEqualTo("Bad Request");
        assertThat(problem.get("type").stringValue()).isEqualTo("about:blank");
        assertThat(problem.get("detail").stringValue()).contains("'user'");
    }

    @Test
    void aUserTokenIsNotAcceptedByGraph() {
        String userToken = token("eve@contoso.com");
        JsonNode error = RunningSandbox.json(sandbox.get(userToken, sandbox.graph("/teams('x')"))
                .expectStatus().isUnauthorized()
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(error.at("/error/code").stringValue()).isEqualTo("InvalidAuthenticationToken");
        assertThat(error.at("/error/message").stringValue()).contains("Invalid audience");
    }

    private String oid(String user) throws Exception {
        return SignedJWT.parse(token(user)).getJWTClaimsSet().getStringClaim("oid");
    }

    private String token(String user) {
        return RunningSandbox.json(sandbox.client.post().uri("/sandbox/token")
                .body(BodyInserters.fromFormData("user", user))
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody()).get("access_token").stringValue();
    }
}
