package org.teamsprovisioner.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.teamsprovisioner.support.RunningService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Random and mutated input against the public endpoints of a running service (sandbox profile,
 * real HTTP, real signed tokens): whatever a portal sends, the answer is never a 5xx (the simulated
 * Graph is healthy, so a 503 would be an outage that is not one), every refusal is problem+json in
 * words a portal developer understands, and a refused submit stores nothing.
 */
class PublicEndpointsFuzzTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> FIELDS = List.of("displayName", "description", "visibility", "template", "owners", "members",
            "channels", "existingGroupId", "settings");
    // Words that only an implementation detail would put in an answer.
    private static final List<String> LEAKS = List.of("org.teamsprovisioner", "java.", "tools.jackson", "Exception", "reactor.",
            "springframework", "Cannot deserialize", "No static resource");

    private static RunningService service;
    private static String token;
    private static HttpClient http;

    @BeforeContainer
    static void start() {
        // Per-caller limits lifted: this test sends hundreds of requests from one caller on purpose, and a
        // 429 would stop a body from reaching the checks it is meant to probe (CallerLimitsH2Test covers them).
        service = RunningService.sandbox(Map.of("provisioner.api.rate-limits.submit", "100000/1s",
                "provisioner.api.rate-limits.preview", "100000/1s", "provisioner.api.rate-limits.in-flight", 0));
        token = service.tokenFor("fuzz-" + UUID.randomUUID().toString().substring(0, 8) + "@contoso.com");
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterContainer
    static void stop() {
        service.close();
    }

    @Property(tries = 250, shrinking = ShrinkingMode.BOUNDED)
    void randomBodiesAreRefusedClearlyOrAccepted(@ForAll("bodies") String body, @ForAll("writePaths") String path) throws Exception {
        int before = storedRequests();
        HttpResponse<String> answer = send("POST", path, body, "application/json", "Bearer " + token);
        assertAnswersWell(answer);
        int stored = storedRequests() - before;
        assertThat(stored).as("requests stored for %s answered %d", body, answer.statusCode())
                .isEqualTo(path.endsWith("/team-requests") && answer.statusCode() == 202 ? 1 : 0);
    }

    @Property(tries = 250, shrinking = ShrinkingMode.BOUNDED)
    void mutatedValidRequestsAreRefusedClearlyOrAccepted(@ForAll("mutatedRequests") String body) throws Exception {
        int before = storedRequests();
        HttpResponse<String> answer = send("POST", "/api/v1/team-requests", body, "application/json", "Bearer " + token);
        assertAnswersWell(answer);
        assertThat(storedRequests() - before).as("requests stored for %s answered %d", body, answer.statusCode())
                .isEqualTo(answer.statusCode() == 202 ? 1 : 0);
    }

    @Property(tries = 300, shrinking = ShrinkingMode.BOUNDED)
    void randomMethodsPathsAndHeadersNeverBreakTheService(@ForAll("methods") String method, @ForAll("anyPaths") String path,
            @ForAll("contentTypes") String contentType, @ForAll("authorizations") String authorization,
            @ForAll("bodies") String body) throws Exception {
        assertAnswersWell(send(method, path, body, contentType, authorization));
    }

    private static void assertAnswersWell(HttpResponse<String> answer) {
        int status = answer.statusCode();
        String call = answer.request().method() + " " + answer.request().uri() + " " + answer.request().headers().map()
                + " answered " + status + " " + answer.headers().map() + " " + answer.body();
        assertThat(status).as(call).isLessThan(500);
        if (status >= 400) {
            assertThat(answer.headers().firstValue("Content-Type")).as(call)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            JsonNode problem = JSON.readTree(answer.body());
            assertThat(problem.path("status").asInt()).as(call).isEqualTo(status);
            assertThat(problem.path("title").asString()).as(call).isNotBlank();
            for (String leak : LEAKS) {
                assertThat(answer.body()).as(call).doesNotContain(leak);
            }
        }
    }

    private static HttpResponse<String> send(String method, String path, String body, String contentType, String authorization)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + service.port() + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The caller's requests as the API lists them, all pages. */
    private static int storedRequests() throws Exception {
        int count = 0;
        String cursor = null;
        do {
            String path = "/api/v1/team-requests?limit=100" + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor,
                    StandardCharsets.UTF_8));
            HttpResponse<String> page = send("GET", path, "", null, "Bearer " + token);
            assertThat(page.statusCode()).as("listing: %s", page.body()).isEqualTo(200);
            JsonNode json = JSON.readTree(page.body());
            count += json.path("items").size();
            cursor = json.path("next").isString() ? json.path("next").asString() : null;
        } while (cursor != null);
        return count;
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> objects = Arbitraries.maps(Arbitraries.oneOf(Arbitraries.of(FIELDS), Arbitraries.strings().ofMaxLength(12)),
                        jsonValue(2))
                .ofMaxSize(8)
                .map(PublicEndpointsFuzzTest::write);
        Arbitrary<String> anyJson = jsonValue(3).map(PublicEndpointsFuzzTest::write);
        // Broken JSON: a valid document cut short or with a character put in.
        Arbitrary<String> broken = Combinators.combine(objects, Arbitraries.integers().between(0, 1000), Arbitraries.chars())
                .as((json, at, inserted) -> {
                    int cut = Math.min(at, json.length());
                    return at % 2 == 0 ? json.substring(0, cut) : json.substring(0, cut) + inserted + json.substring(cut);
                });
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, objects), net.jqwik.api.Tuple.of(2, anyJson), net.jqwik.api.Tuple.of(2, broken),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(40)));
    }

    @Provide
    Arbitrary<String> mutatedRequests() {
        return Combinators.combine(Arbitraries.of(FIELDS), Arbitraries.integers().between(0, 3), jsonValue(2))
                .as((field, how, value) -> {
                    Map<String, Object> request = validRequest();
                    switch (how) {
                        case 0 -> request.remove(field);
                        case 1 -> request.put(field, null);
                        case 2 -> request.put(field, value);
                        default -> request.put(field, java.util.Arrays.asList(value, value));
                    }
                    return write(request);
                });
    }

    @Provide
    Arbitrary<String> writePaths() {
        return Arbitraries.of("/api/v1/team-requests", "/api/v1/team-requests/preview");
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.of("GET", "POST", "PUT", "PATCH", "DELETE");
    }

    @Provide
    Arbitrary<String> anyPaths() {
        Arbitrary<String> segment = Arbitraries.oneOf(
                Arbitraries.create(() -> UUID.randomUUID().toString()),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(40).map(text -> URLEncoder.encode(text, StandardCharsets.UTF_8)),
                Arbitraries.of("preview", "retry", "cancel", "..", "%00", "%2e%2e", "00000000-0000-0000-0000-000000000000"));
        Arbitrary<String> query = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.strings().ofMaxLength(30).map(text -> "?limit=" + URLEncoder.encode(text, StandardCharsets.UTF_8)),
                Arbitraries.strings().ofMaxLength(30).map(text -> "?cursor=" + URLEncoder.encode(text, StandardCharsets.UTF_8)),
                Arbitraries.strings().ofMaxLength(30).map(text -> "?status=" + URLEncoder.encode(text, StandardCharsets.UTF_8)));
        Arbitrary<String> root = Arbitraries.of("/api/v1/team-requests", "/api/v1/policy", "/api/v1", "/api", "/", "/unknown",
                "/actuator/env", "/api/v2/team-requests");
        return Combinators.combine(root, segment.list().ofMaxSize(3), query)
                .as((start, segments, q) -> (start.endsWith("/") ? start.substring(0, start.length() - 1) : start)
                        + (segments.isEmpty() ? "" : "/" + String.join("/", segments)) + q);
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of("application/json", "application/json; charset=utf-8", "text/plain", "application/xml",
                "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/problem+json", "*/*", ";;")
                .injectNull(0.1);
    }

    @Provide
    Arbitrary<String> authorizations() {
        return Arbitraries.oneOf(
                Arbitraries.create(() -> "Bearer " + token),
                Arbitraries.of("Bearer", "Basic dXNlcjpwYXNz", "Bearer a.b.c", "bearer " + "x".repeat(20), "Bearer " + token + "x"),
                // What an HTTP client can send at all: visible ASCII, no trailing space.
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(60).map(text -> "Bearer " + text))
                .injectNull(0.2);
    }

    private static Map<String, Object> validRequest() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("displayName", "Fuzzed " + UUID.randomUUID().toString().substring(0, 8));
        request.put("description", "A team made by the fuzz test");
        request.put("visibility", "private");
        request.put("owners", List.of("alice@contoso.com", "bob@contoso.com"));
        request.put("members", List.of("carol@contoso.com"));
        request.put("channels", List.of(Map.of("displayName", "Announcements")));
        return request;
    }

    /** Any JSON value, nested at most {@code depth} levels, with strings that include control characters and non-BMP text. */
    private static Arbitrary<Object> jsonValue(int depth) {
        List<Arbitrary<? extends Object>> values = new ArrayList<>(List.<Arbitrary<? extends Object>>of(
                Arbitraries.strings().ofMaxLength(80),
                Arbitraries.strings().all().ofMaxLength(10),
                Arbitraries.of("alice@contoso.com", "", " ", "\u0000", "CON", "forms", "a+b@contoso.com", "public", "private",
                        "standard", "7c1a8d2e-5b6f-4a3e-9d2c-1f0e8b7a6c5d", "'; drop table team_request; --", "\uD83D\uDE00"),
                Arbitraries.integers(),
                Arbitraries.longs(),
                Arbitraries.doubles(),
                Arbitraries.of(true, false),
                Arbitraries.just(null)));
        if (depth > 0) {
            values.add(jsonValue(depth - 1).list().ofMaxSize(4));
            values.add(Arbitraries.maps(Arbitraries.strings().ofMaxLength(12), jsonValue(depth - 1)).ofMaxSize(4));
        }
        return Arbitraries.oneOf(values);
    }

    private static String write(Object value) {
        return JSON.writeValueAsString(value);
    }
}
