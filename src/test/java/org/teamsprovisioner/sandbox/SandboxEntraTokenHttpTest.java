package org.teamsprovisioner.sandbox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxEntraTokenHttpTest {

    private static final String TOKEN_PATH = "/sandbox/login/sandbox-tenant/oauth2/v2.0/token";

    private final RunningSandbox sandbox = new RunningSandbox(Map.of(
            "provisioner.sandbox.clients[0].client-id", "sandbox-client",
            "provisioner.sandbox.clients[0].client-secret", "sandbox-secret",
            "provisioner.sandbox.clients[0].roles", "Team.Create,Group.ReadWrite.All",
            "provisioner.sandbox.clients[1].client-id", "odd-client",
            "provisioner.sandbox.clients[1].client-secret", "p+s%s:w/rd")); // Characters Basic auth must url-encode.

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void clientCredentialsGrantIssuesAGraphTokenSignedByTheSandboxKey() throws Exception {
        JsonNode body = RunningSandbox.json(post(TOKEN_PATH, validForm(), null)
                .expectStatus().isOk()
                .expectHeader().valueEquals("Cache-Control", "no-store, no-cache")
                .expectBody(String.class).returnResult().getResponseBody());

        assertThat(body.get("token_type").stringValue()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").intValue()).isEqualTo(3599);
        assertThat(body.get("ext_expires_in").intValue()).isEqualTo(3599);

        SignedJWT jwt = SignedJWT.parse(body.get("access_token").stringValue());
        RSAKey publicKey = (RSAKey) RunningSandbox.ISSUER.publicJwkSet().getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(publicKey).as("kid names the published key").isNotNull();
        assertThat(jwt.verify(new RSASSAVerifier(publicKey))).isTrue();
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");

        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getAudience()).containsExactly("https://graph.microsoft.com");
        assertThat(claims.getIssuer()).isEqualTo("https://sts.windows.net/sandbox-tenant/");
        assertThat(claims.getStringClaim("appid")).isEqualTo("sandbox-client");
        assertThat(claims.getStringClaim("tid")).isEqualTo("sandbox-tenant");
        assertThat(claims.getStringClaim("idtyp")).isEqualTo("app");
        assertThat(claims.getStringListClaim("roles")).containsExactly("Team.Create", "Group.ReadWrite.All");
        Date issuedAt = Date.from(RunningSandbox.START.truncatedTo(ChronoUnit.SECONDS));
        assertThat(claims.getIssueTime()).isEqualTo(issuedAt);
        assertThat(claims.getNotBeforeTime()).isEqualTo(issuedAt);
        assertThat(claims.getExpirationTime()).isEqualTo(Date.from(issuedAt.toInstant().plus(Duration.ofHours(1))));
    }

    @Test
    void httpBasicCredentialsAreUrlDecodedLikeEntraDoes() {
        String basic = Base64.getEncoder().encodeToString((URLEncoder.encode("odd-client", StandardCharsets.UTF_8)
                + ":" + URLEncoder.encode("p+s%s:w/rd", StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        MultiValueMap<String, String> form = form("grant_type", "client_credentials",
                "scope", "https://graph.microsoft.com/.default");

        String token = RunningSandbox.json(post(TOKEN_PATH, form, "Basic " + basic)
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody()).get("access_token").stringValue();

        assertThat(token).isNotBlank();
    }

    @Test
    void aClientWithoutRolesGetsATokenWithoutRolesClaim() throws Exception {
        MultiValueMap<String, String> form = validForm();
        form.set("client_id", "odd-client");
        form.set("client_secret", "p+s%s:w/rd");

        String token = RunningSandbox.json(post(TOKEN_PATH, form, null).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody()).get("access_token").stringValue();

        assertThat(SignedJWT.parse(token).getJWTClaimsSet().getClaims()).doesNotContainKey("roles");
    }

    @Test
    void unknownTenantIsInvalidRequestWithAadsts90002() {
        assertEntraError(post("/sandbox/login/other-tenant/oauth2/v2.0/token", validForm(), null),
                HttpStatus.BAD_REQUEST, "invalid_request", 90002);
    }

    @Test
    void otherGrantTypesAreUnsupported() {
        MultiValueMap<String, String> form = validForm();
        form.set("grant_type", "password");
        assertEntraError(post(TOKEN_PATH, form, null), HttpStatus.BAD_REQUEST, "unsupported_grant_type", 70003);
    }

    @Test
    void missingGrantTypeIsInvalidRequest() {
        MultiValueMap<String, String> form = validForm();
        form.remove("grant_type");
        assertEntraError(post(TOKEN_PATH, form, null), HttpStatus.BAD_REQUEST, "invalid_request", 900144);
    }

    @Test
    void missingClientIdIsInvalidRequest() {
        MultiValueMap<String, String> form = validForm();
        form.remove("client_id");
        assertEntraError(post(TOKEN_PATH, form, null), HttpStatus.BAD_REQUEST, "invalid_request", 900144);
    }

    /** Entra answers a missing credential as failed client authentication: invalid_client, 401. */
    @Test
    void missingClientSecretIsInvalidClient() {
        MultiValueMap<String, String> form = validForm();
        form.remove("client_secret");
        assertEntraError(post(TOKEN_PATH, form, null), HttpStatus.UNAUTHORIZED, "invalid_client", 7000218);
    }

    @Test
    void unknownClientIsInvalidClient() {
        MultiValueMap<String, String> form = validForm();
        form.set("client_id", "nobody");
        assertEntraError(post(TOKEN_PATH, form, null), HttpStatus.UNAUTHORIZED, "invalid_client", 700016);
    }

    @Test
    void wrongSecretIsInvalidClientWithAadsts7000215() {
        MultiValueMap<String, String> form = validForm();
        form.set("client_secret", "wrong");
        JsonNode error = assertEntraError(post(TOKEN_PATH, form, null), HttpStatus.UNAUTHORIZED, "invalid_client",
                7000215);
        assertThat(error.get("error_description").stringValue()).startsWith("AADSTS7000215: Invalid client secret");
    }

    @Test
    void missingScopeIsInvalidScope() {
        MultiValueMap<String, String> form = validForm();
        form.remove("scope");
        assertEntraError(post(TOKEN_PATH, form, null), HttpStatus.BAD_REQUEST, "invalid_scope", 70011);
    }

    @Test
    void scopeWithoutDefaultSuffixIsInvalidScope() {
        MultiValueMap<String, String> form = validForm();
        form.set("scope", "https://graph.microsoft.com/Team.Create");
        assertEntraError(post(TOKEN_PATH, form, null), HttpStatus.BAD_REQUEST, "invalid_scope", 1002012);
    }

    @Test
    void scopeForAnotherResourceIsInvalidResource() {
        MultiValueMap<String, String> form = validForm();
        form.set("scope", "api://someone-else/.default");
        assertEntraError(post(TOKEN_PATH, form, null), HttpStatus.BAD_REQUEST, "invalid_resource", 500011);
    }

    @Test
    void errorsCarryEntraDiagnosticsAndEchoTheClientRequestIdAsCorrelationId() {
        MultiValueMap<String, String> form = validForm();
        form.set("client_secret", "wrong");
        JsonNode error = RunningSandbox.json(sandbox.client.post().uri(TOKEN_PATH)
                .header("client-request-id", "corr-123")
                .body(BodyInserters.fromFormData(form))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody(String.class).returnResult().getResponseBody());

        assertThat(error.get("correlation_id").stringValue()).isEqualTo("corr-123");
        assertThat(error.get("trace_id").stringValue()).matches("[0-9a-f-]{36}");
        assertThat(error.get("timestamp").stringValue()).isEqualTo("2026-03-02 09:00:00Z");
        assertThat(error.get("error_description").stringValue()).contains("Correlation ID: corr-123");
    }

    @Test
    void everyTokenRequestIsCountedWhateverItsOutcome() {
        post(TOKEN_PATH, validForm(), null).expectStatus().isOk();
        post(TOKEN_PATH, validForm(), null).expectStatus().isOk();
        MultiValueMap<String, String> wrong = validForm();
        wrong.set("client_secret", "wrong");
        post(TOKEN_PATH, wrong, null).expectStatus().isUnauthorized();

        JsonNode counters = sandbox.state().get("counters");
        assertThat(counters.get("tokenRequests").longValue()).isEqualTo(3);
        assertThat(counters.get("tokensIssued").longValue()).isEqualTo(2);
    }

    private JsonNode assertEntraError(WebTestClient.ResponseSpec response, HttpStatus status, String error, int code) {
        JsonNode body = RunningSandbox.json(response
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith("application/json")
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(body.get("error").stringValue()).isEqualTo(error);
        assertThat(body.get("error_codes").get(0).intValue()).isEqualTo(code);
        assertThat(body.get("error_codes").size()).isEqualTo(1);
        assertThat(body.get("error_description").stringValue()).startsWith("AADSTS" + code + ": ");
        assertThat(body.has("timestamp")).isTrue();
        assertThat(body.has("trace_id")).isTrue();
        assertThat(body.has("correlation_id")).isTrue();
        return body;
    }

    private WebTestClient.ResponseSpec post(String path, MultiValueMap<String, String> form, String authorization) {
        return sandbox.client.post().uri(path)
                .headers(headers -> {
                    if (authorization != null) {
                        headers.set("Authorization", authorization);
                    }
                })
                .body(BodyInserters.fromFormData(form))
                .exchange();
    }

    private static MultiValueMap<String, String> validForm() {
        return form("grant_type", "client_credentials", "client_id", "sandbox-client",
                "client_secret", "sandbox-secret", "scope", "https://graph.microsoft.com/.default");
    }

    private static MultiValueMap<String, String> form(String... pairs) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.add(pairs[i], pairs[i + 1]);
        }
        return form;
    }
}
