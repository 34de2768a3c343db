package org.teamsprovisioner.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teamsprovisioner.support.SandboxH2Test;
import org.teamsprovisioner.support.TestClock;
import tools.jackson.databind.JsonNode;

/** Bad input gets the right 4xx as application/problem+json, and nothing is stored or sent to Graph. */
class BadInputTest extends SandboxH2Test {

    @Autowired
    private TestClock clock;

    private String user;
    private String token;

    @BeforeEach
    void caller() {
        user = "bad-input-" + UUID.randomUUID().toString().substring(0, 8) + "@contoso.com";
        token = tokenFor(user);
    }

    private static String valid(Map<String, Object> overrides) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("displayName", "Valid name", "owners", List.of("alice@contoso.com")));
        body.putAll(overrides);
        body.values().removeIf(v -> v == NONE);
        return ServiceTestJson.of(body);
    }

    private static final Object NONE = new Object() {
    };

    private JsonNode problem(WebTestClient.ResponseSpec response, HttpStatus status) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private void assertNothingStored() {
        assertThat(get(token, "/api/v1/team-requests").get("items")).isEmpty();
    }

    @Test
    void missingDisplayNameIsRejectedNamingTheField() {
        JsonNode problem = problem(submit(token, valid(Map.of("displayName", NONE))), HttpStatus.UNPROCESSABLE_CONTENT);

        assertThat(problem.get("status").asInt()).isEqualTo(422);
        assertThat(problem.get("violations").get(0).get("field").asString()).isEqualTo("/displayName");
        assertNothingStored();
    }

    @Test
    void requestWithoutOwnerIsRejected() {
        JsonNode problem = problem(submit(token, valid(Map.of("owners", List.of()))), HttpStatus.UNPROCESSABLE_CONTENT);

        assertThat(problem.get("violations").valueStream().map(v -> v.get("rule").asString())).contains("owners.required");
        assertNothingStored();
    }

    @Test
    void everyStructuralProblemIsReportedAtOnce() {
        String body = valid(Map.of("displayName", " ", "owners", List.of("not a user"), "visibility", "secret",
                "channels", List.of(Map.of("displayName", "x".repeat(51)))));

        JsonNode problem = problem(submit(token, body), HttpStatus.UNPROCESSABLE_CONTENT);

        assertThat(problem.get("violations").valueStream().map(v -> v.get("field").asString()))
                .containsExactly("/displayName", "/visibility", "/owners/0", "/channels/0/displayName");
        assertNothingStored();
    }

    @Test
    void unknownFieldIsRejectedNamingTheField() {
        JsonNode problem = problem(submit(token, valid(Map.of("owner", List.of("bob@contoso.com")))), HttpStatus.BAD_REQUEST);

        assertThat(problem.get("detail").asString()).contains("'owner'");
        assertThat(problem.get("violations").get(0).get("field").asString()).isEqualTo("/owner");
        assertNothingStored();
    }

    @Test
    void wronglyTypedFieldIsRejectedWithItsPointer() {
        JsonNode problem = problem(submit(token, valid(Map.of("owners", "alice@contoso.com"))), HttpStatus.BAD_REQUEST);

        assertThat(problem.get("violations").get(0).get("field").asString()).isEqualTo("/owners");
        assertNothingStored();
    }

    @Test
    void malformedJsonIsRejected() {
        JsonNode problem = problem(submit(token, "{\"displayName\": \"Oops\", "), HttpStatus.BAD_REQUEST);

        assertThat(problem.get("detail").asString()).containsIgnoringCase("JSON");
        assertNothingStored();
    }

    @Test
    void wrongContentTypeIsUnsupportedMediaType() {
        problem(http().post().uri("/api/v1/team-requests").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.TEXT_PLAIN).bodyValue(valid(Map.of())).exchange(), HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertNothingStored();
    }

    @Test
    void oversizedBodyIsContentTooLarge() {
        problem(submit(token, valid(Map.of("description", "x".repeat(300_000)))), HttpStatus.CONTENT_TOO_LARGE);
        assertNothingStored();
    }

    @Test
    void missingTokenIsUnauthorizedWithBearerChallenge() {
        var response = http().post().uri("/api/v1/team-requests").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(valid(Map.of())).exchange();

        response.expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        problem(response, HttpStatus.UNAUTHORIZED);
        assertNothingStored();
    }

    @Test
    void tokenSignedByAnotherKeyIsUnauthorized() {
        String forged = ForeignTokens.signedByUnknownKey(user);

        var response = submit(forged, valid(Map.of()));

        assertThat(problem(response, HttpStatus.UNAUTHORIZED).get("detail").asString()).contains("rejected");
        assertNothingStored();
    }

    @Test
    void expiredTokenIsUnauthorized() {
        clock.advance(Duration.ofHours(-2));
        String expired;
        try {
            expired = tokenFor(user);
        } finally {
            clock.reset();
        }

        var response = submit(expired, valid(Map.of()));

        response.expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, value -> assertThat(value).contains("invalid_token"));
        assertThat(problem(response, HttpStatus.UNAUTHORIZED).get("detail").asString()).containsIgnoringCase("expired");
        assertNothingStored();
    }

    @Test
    void unknownPathIsNotFoundAndWrongMethodIsNotAllowed() {
        problem(http().get().uri("/api/v1/nothing-here").headers(h -> h.setBearerAuth(token)).exchange(), HttpStatus.NOT_FOUND);
        problem(http().delete().uri("/api/v1/team-requests").headers(h -> h.setBearerAuth(token)).exchange(), HttpStatus.METHOD_NOT_ALLOWED);
        problem(http().get().uri("/api/v1/team-requests/" + UUID.randomUUID()).headers(h -> h.setBearerAuth(token)).exchange(),
                HttpStatus.NOT_FOUND);
    }

    @Test
    void badPagingParametersAreRejected() {
        problem(http().get().uri("/api/v1/team-requests?limit=0").headers(h -> h.setBearerAuth(token)).exchange(), HttpStatus.BAD_REQUEST);
        problem(http().get().uri("/api/v1/team-requests?status=DONE").headers(h -> h.setBearerAuth(token)).exchange(), HttpStatus.BAD_REQUEST);
        problem(http().get().uri("/api/v1/team-requests?cursor=garbage").headers(h -> h.setBearerAuth(token)).exchange(), HttpStatus.BAD_REQUEST);
    }
}
