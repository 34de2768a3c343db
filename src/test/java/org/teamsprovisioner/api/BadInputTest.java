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

    private long graphCalls(String route) {
        return sandboxState().get("counters").get("callsByRoute").path(route).asLong();
    }

    /** Directory reads of every kind the policy makes: single GETs and $batches of them. */
    private long directoryReads() {
        return graphCalls("GET /users 200") + graphCalls("POST /$batch 200");
    }

    private JsonNode onlyViolation(JsonNode problem) {
        assertThat(problem.get("violations")).hasSize(1);
        return problem.get("violations").get(0);
    }

    @Test
    void aNullOwnerIsAViolationOnThatEntryAndNothingIsLookedUp() {
        long reads = directoryReads();

        JsonNode violation = onlyViolation(problem(submit(token, "{\"displayName\":\"Nulls\",\"owners\":[null]}"),
                HttpStatus.UNPROCESSABLE_CONTENT));

        assertThat(violation.get("field").asString()).isEqualTo("/owners/0");
        assertThat(violation.get("rule").asString()).isEqualTo("owners.format");
        assertThat(directoryReads()).isEqualTo(reads);
        assertNothingStored();
    }

    @Test
    void aNullChannelIsAViolationOnThatEntryNotAServerError() {
        JsonNode violation = onlyViolation(problem(submit(token, valid(Map.of("channels", java.util.Arrays.asList((Object) null)))),
                HttpStatus.UNPROCESSABLE_CONTENT));

        assertThat(violation.get("field").asString()).isEqualTo("/channels/0");
        assertThat(violation.get("rule").asString()).isEqualTo("channels.value");
        assertNothingStored();
    }

    @Test
    void aNullSettingsGroupIsAViolationNotAServerError() {
        JsonNode violation = onlyViolation(problem(submit(token, "{\"displayName\":\"Null settings\",\"owners\":[\"alice@contoso.com\"],"
                + "\"settings\":{\"memberSettings\":null}}"), HttpStatus.UNPROCESSABLE_CONTENT));

        assertThat(violation.get("field").asString()).isEqualTo("/settings/memberSettings");
        assertThat(violation.get("rule").asString()).isEqualTo("settings.value");
        assertNothingStored();
    }

    @Test
    void aControlCharacterInTheNameOrADescriptionIsRefusedAndNoTeamIsCreated() {
        long posts = graphCalls("POST /teams 202");

        JsonNode name = onlyViolation(problem(submit(token, valid(Map.of("displayName", "\u0000"))), HttpStatus.UNPROCESSABLE_CONTENT));
        JsonNode description = onlyViolation(problem(submit(token, valid(Map.of("description", "Line one\nline two\u0007"))),
                HttpStatus.UNPROCESSABLE_CONTENT));
        JsonNode channelDescription = onlyViolation(problem(submit(token, valid(Map.of("channels",
                List.of(Map.of("displayName", "News", "description", "\u001b[31mred"))))), HttpStatus.UNPROCESSABLE_CONTENT));

        assertThat(name.get("rule").asString()).isEqualTo("displayName.character");
        assertThat(name.get("message").asString()).contains("U+0000");
        assertThat(description.get("rule").asString()).isEqualTo("description.character");
        assertThat(description.get("message").asString()).contains("U+0007");
        assertThat(channelDescription.get("field").asString()).isEqualTo("/channels/0/description");
        assertNothingStored();
        assertThat(graphCalls("POST /teams 202")).isEqualTo(posts);
    }

    @Test
    void tenThousandOwnersMembersOrChannelsAreOneViolationEachAndNothingIsLookedUp() {
        List<String> users = java.util.stream.IntStream.range(0, 10_000).mapToObj(i -> "u" + i + "@x.io").toList();
        // Names Teams refuses: one violation for the list, not one per name.
        List<Map<String, String>> channels = java.util.stream.IntStream.range(0, 10_000).mapToObj(i -> Map.of("displayName", "c#" + i))
                .toList();
        long reads = directoryReads();

        JsonNode owners = problem(submit(token, valid(Map.of("owners", users))), HttpStatus.UNPROCESSABLE_CONTENT);
        JsonNode members = problem(submit(token, valid(Map.of("members", users))), HttpStatus.UNPROCESSABLE_CONTENT);
        JsonNode manyChannels = problem(submit(token, valid(Map.of("channels", channels))), HttpStatus.UNPROCESSABLE_CONTENT);

        assertThat(onlyViolation(owners).get("rule").asString()).isEqualTo("owners.max");
        assertThat(onlyViolation(members).get("rule").asString()).isEqualTo("members.max");
        assertThat(onlyViolation(manyChannels).get("rule").asString()).isEqualTo("channels.max");
        assertThat(directoryReads()).isEqualTo(reads);
        assertNothingStored();
    }

    @Test
    void aBodyOfTheWrongShapeIsExplainedByPointerAndExpectationWithoutJavaTypes() {
        Map<String, String> bodies = Map.of(
                "[]", "The body must be one JSON object",
                valid(Map.of("owners", "alice@contoso.com")), "/owners must be an array of user principal names or object ids",
                valid(Map.of("channels", List.of("News"))), "/channels/0 must be a channel",
                valid(Map.of("channels", List.of(Map.of("displayName", "News", "favoriteByDefault", "yes")))),
                "/channels/0/favoriteByDefault must be true or false",
                valid(Map.of("settings", Map.of("funSettings", List.of()))), "/settings/funSettings must be an object of settings",
                valid(Map.of("displayName", List.of("A"))), "/displayName must be a string",
                valid(Map.of("owners", List.of(List.of("alice@contoso.com")))), "The body is not one team request: a value has");

        bodies.forEach((body, expected) -> {
            String detail = problem(submit(token, body), HttpStatus.BAD_REQUEST).get("detail").asString();
            assertThat(detail).as(body).startsWith(expected).doesNotContain("org.teamsprovisioner", "java.", "`", "JsonToken");
        });
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
    void malformedBearerTokenIsAnInvalidToken() {
        var response = http().post().uri("/api/v1/team-requests").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token + " trailing").bodyValue(valid(Map.of())).exchange();

        response.expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
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

    @Test
    void aControlCharacterInAHeaderTheApiReadsIsRefusedByTheFirewallAsAProblem() throws Exception {
        // U+0085 (NEL), a C1 control: Netty passes the bytes 0x80-0xFF through, and Spring Security's firewall
        // checks a header when it is read, with our loop in place of its regular expression (HeaderCharacters).
        String request = "GET /api/v1/team-requests HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer %s\r\nAccept: %s\r\n"
                + "Connection: close\r\n\r\n";
        for (String refused : List.of(request.formatted(token, "application/json\u0085"), request.formatted(token + "\u0085", "*/*"))) {
            assertThat(raw(refused)).startsWith("HTTP/1.1 400").contains("application/problem+json")
                    .contains("\"code\":\"request.rejected\"");
        }
        assertThat(raw(request.formatted(token, "application/json"))).startsWith("HTTP/1.1 200");
    }

    @Test
    void aSemicolonInThePathIsRefusedByTheFirewallAsAProblem() {
        JsonNode body = problem(http().get().uri("/api/v1/team-requests;jsessionid=1").headers(h -> h.setBearerAuth(token)).exchange(),
                HttpStatus.BAD_REQUEST);
        assertThat(body.get("code").asString()).isEqualTo("request.rejected");
    }

    /** Bytes as written, ISO-8859-1, since HTTP clients refuse to send control characters in a header. */
    private String raw(String request) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }
}
