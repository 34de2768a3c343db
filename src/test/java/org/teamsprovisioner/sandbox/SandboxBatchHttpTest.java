package org.teamsprovisioner.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teamsprovisioner.sandbox.http.SandboxJson;
import org.teamsprovisioner.sandbox.routes.SandboxRoutes;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /$batch: JSON batching, each inner request handled like a call of its own. */
class SandboxBatchHttpTest {

    private static final String ALICE = "a11ce000-0000-4000-8000-000000000001";
    private static final String BOB = "b0b00000-0000-4000-8000-000000000002";

    private RunningSandbox sandbox;

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private RunningSandbox start(String... settings) {
        Map<String, String> properties = new HashMap<>();
        for (int i = 0; i < settings.length; i += 2) {
            properties.put("provisioner.sandbox." + settings[i], settings[i + 1]);
        }
        sandbox = new RunningSandbox(properties);
        return sandbox;
    }

    private WebTestClient.ResponseSpec batch(String token, ObjectNode body) {
        return GraphCalls.post(sandbox, token, "/$batch", SandboxJson.write(body));
    }

    /** The 200 batch answer's responses by id, checking that each id is answered exactly once. */
    private Map<String, JsonNode> responses(String token, ObjectNode body) {
        JsonNode answer = RunningSandbox.json(batch(token, body)
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectHeader().valueMatches("request-id", GraphCalls.UUID)
                .expectBody(String.class).returnResult().getResponseBody());
        Map<String, JsonNode> byId = new HashMap<>();
        answer.get("responses").forEach(response -> assertThat(byId.put(response.get("id").stringValue(), response))
                .as("answered once: %s", response.get("id")).isNull());
        assertThat(byId).hasSize(body.get("requests").size());
        return byId;
    }

    private static ObjectNode requests(ObjectNode... requests) {
        ObjectNode body = SandboxJson.object();
        ArrayNode array = body.putArray("requests");
        for (ObjectNode request : requests) {
            array.add(request);
        }
        return body;
    }

    private static ObjectNode get(String id, String url) {
        return SandboxJson.object().put("id", id).put("method", "GET").put("url", url);
    }

    private static ObjectNode dependent(String id, String url, String dependsOn) {
        ObjectNode request = get(id, url);
        request.putArray("dependsOn").add(dependsOn);
        return request;
    }

    private static ObjectNode userLookups(int count) {
        return requests(IntStream.rangeClosed(1, count)
                .mapToObj(i -> get(Integer.toString(i), "/users/" + ALICE + "?$select=id"))
                .toArray(ObjectNode[]::new));
    }

    private JsonNode error(ObjectNode body, int status, String code) {
        return GraphCalls.error(batch(sandbox.graphToken(), body), status, code);
    }

    private JsonNode callsByRoute() {
        return sandbox.state().at("/counters/callsByRoute");
    }

    @Test
    void batchOfUserLookupsAnswers200OutsideAndEachLookupsOwnStatusInside() {
        start();
        String token = sandbox.graphToken();

        Map<String, JsonNode> responses = responses(token, requests(
                get("1", "/users/alice@contoso.com?$select=id,userPrincipalName"),
                get("2", "users/nobody@contoso.com"),
                get("3", "/users('" + BOB + "')")));

        JsonNode alice = responses.get("1");
        assertThat(alice.get("status").intValue()).isEqualTo(200);
        assertThat(alice.at("/headers/Content-Type").stringValue()).startsWith("application/json;odata.metadata=minimal");
        assertThat(alice.get("body").get("id").stringValue()).isEqualTo(ALICE);
        assertThat(alice.get("body").get("userPrincipalName").stringValue()).isEqualTo("alice@contoso.com");
        assertThat(alice.get("body").has("displayName")).isFalse();
        JsonNode unknown = responses.get("2");
        assertThat(unknown.get("status").intValue()).isEqualTo(404);
        assertThat(unknown.at("/body/error/code").stringValue()).isEqualTo("Request_ResourceNotFound");
        assertThat(unknown.at("/body/error/innerError/request-id").stringValue()).matches(GraphCalls.UUID);
        assertThat(responses.get("3").at("/body/displayName").stringValue()).isEqualTo("Bob Kelly");

        JsonNode calls = callsByRoute();
        assertThat(calls.get("POST /$batch 200").longValue()).isEqualTo(1);
        assertThat(calls.get("GET /users/{id} 200").longValue()).isEqualTo(2);
        assertThat(calls.get("GET /users/{id} 404").longValue()).isEqualTo(1);
    }

    @Test
    void batchOfTwentyRequestsIsServedInFull() {
        start();

        Map<String, JsonNode> responses = responses(sandbox.graphToken(), userLookups(20));

        assertThat(responses.values()).allSatisfy(response -> assertThat(response.get("status").intValue()).isEqualTo(200));
        assertThat(callsByRoute().get("GET /users/{id} 200").longValue()).isEqualTo(20);
    }

    @Test
    void batchOfTwentyOneRequestsIsRefused() {
        start();

        JsonNode error = error(userLookups(21), 400, "BadRequest");

        assertThat(error.get("message").stringValue()).startsWith("Invalid batch payload format.")
                .contains("at most 20 requests; this one has 21");
        JsonNode calls = callsByRoute();
        assertThat(calls.get("POST /$batch 400").longValue()).isEqualTo(1);
        assertThat(calls.has("GET /users/{id} 200")).isFalse();
    }

    @Test
    void emptyBatchIsRefusedAsAnInvalidPayload() {
        start();

        assertThat(error(requests(), 400, "BadRequest").get("message").stringValue())
                .isEqualTo("Invalid batch payload format.");
    }

    @Test
    void duplicateRequestIdsRefuseTheWholeBatchIgnoringCase() {
        start();

        JsonNode error = error(requests(get("a", "/users/alice@contoso.com"), get("b", "/users/bob@contoso.com"),
                get("A", "/users/carol@contoso.com")), 400, "BadRequest");

        assertThat(error.get("message").stringValue()).isEqualTo("Request Id A has to be unique in a batch.");
        assertThat(callsByRoute().has("GET /users/{id} 200")).isFalse();
    }

    @Test
    void requestWithoutUrlRefusesTheWholeBatch() {
        start();
        ObjectNode noUrl = SandboxJson.object().put("id", "1").put("method", "GET");

        JsonNode error = error(requests(noUrl), 400, "BadRequest");

        assertThat(error.get("message").stringValue()).startsWith("Invalid batch payload format.")
                .contains("id, method and url");
    }

    @Test
    void absoluteUrlRefusesTheWholeBatch() {
        start();

        JsonNode error = error(requests(get("1", "https://graph.microsoft.com/v1.0/users/alice@contoso.com")),
                400, "BadRequest");

        assertThat(error.get("message").stringValue()).contains("relative");
    }

    @Test
    void writeWithoutContentTypeHeaderOrBodyRefusesTheWholeBatch() {
        start();
        ObjectNode withoutHeaders = SandboxJson.object().put("id", "7").put("method", "POST").put("url", "/teams");
        withoutHeaders.putObject("body").put("displayName", "Falcon");
        ObjectNode withoutBody = SandboxJson.object().put("id", "8").put("method", "POST").put("url", "/teams");
        withoutBody.putObject("headers").put("Content-Type", "application/json");

        assertThat(error(requests(withoutHeaders), 400, "BadRequest").get("message").stringValue())
                .isEqualTo("Write request id : 7 does not contain Content-Type header or body.");
        assertThat(error(requests(withoutBody), 400, "BadRequest").get("message").stringValue())
                .isEqualTo("Write request id : 8 does not contain Content-Type header or body.");
        assertThat(sandbox.state().get("teams").size()).isZero();
    }

    @Test
    void batchWithoutTokenIs401AndRunsNothingInside() {
        start();

        batch("not-a-token", requests(get("1", "/users/alice@contoso.com")))
                .expectStatus().isUnauthorized()
                .expectHeader().exists("WWW-Authenticate");

        JsonNode calls = callsByRoute();
        assertThat(calls.get("POST /$batch 401").longValue()).isEqualTo(1);
        assertThat(calls.has("GET /users/{id} 200")).isFalse();
    }

    @Test
    void eachInnerRequestNeedsItsOwnPermission() {
        start("clients[0].client-id", "team-creator", "clients[0].client-secret", "creator-secret",
                "clients[0].roles", "Team.Create");
        String token = sandbox.graphToken("team-creator", "creator-secret");

        Map<String, JsonNode> responses = responses(token, requests(get("user", "/users/alice@contoso.com"),
                get("team", "/teams('unknown')")));

        assertThat(responses.get("user").get("status").intValue()).isEqualTo(403);
        assertThat(responses.get("user").at("/body/error/code").stringValue()).isEqualTo("Authorization_RequestDenied");
        assertThat(responses.get("team").get("status").intValue()).isEqualTo(404);
    }

    @Test
    void innerRequestsAreThrottledOnTheirOwnRouteClassWithRetryAfterAndEarlyRetriesCounted() {
        start("throttling.other", "2/10s");
        String token = sandbox.graphToken();

        Map<String, JsonNode> first = responses(token, requests(get("1", "/users/alice@contoso.com"),
                get("2", "/users/bob@contoso.com"), get("3", "/users/carol@contoso.com"),
                get("4", "/users/dave@contoso.com"), get("team", "/teams('unknown')")));

        assertThat(List.of("1", "2", "3", "4")).extracting(id -> first.get(id).get("status").intValue())
                .containsExactly(200, 200, 429, 429);
        JsonNode throttled = first.get("3");
        assertThat(throttled.at("/body/error/code").stringValue()).isEqualTo("TooManyRequests");
        // The bucket refills 2 per 10 s, so its next token is 5 s away: longer than the 2 s base.
        assertThat(throttled.at("/headers/Retry-After").stringValue()).isEqualTo("5");
        assertThat(first.get("4").at("/headers/Retry-After").stringValue()).isEqualTo("5");
        // GET /teams/{id} has a bucket of its own, which the users' 429s leave alone.
        assertThat(first.get("team").get("status").intValue()).isEqualTo(404);
        JsonNode counters = sandbox.state().get("counters");
        assertThat(counters.get("throttledCalls").longValue()).isEqualTo(2);
        assertThat(counters.get("earlyRetries").longValue()).isEqualTo(1);

        sandbox.clock.advance(Duration.ofSeconds(4));
        Map<String, JsonNode> early = responses(token, requests(get("1", "/users/carol@contoso.com")));
        assertThat(early.get("1").get("status").intValue()).isEqualTo(429);
        String retryAfter = early.get("1").at("/headers/Retry-After").stringValue();
        assertThat(retryAfter).matches("\\d+");
        counters = sandbox.state().get("counters");
        assertThat(counters.get("throttledCalls").longValue()).isEqualTo(3);
        assertThat(counters.get("earlyRetries").longValue()).isEqualTo(2);

        sandbox.clock.advance(Duration.ofSeconds(Long.parseLong(retryAfter)));
        Map<String, JsonNode> later = responses(token, requests(get("1", "/users/carol@contoso.com")));
        assertThat(later.get("1").get("status").intValue()).isEqualTo(200);
        assertThat(callsByRoute().get("GET /users/{id} 429").longValue()).isEqualTo(3);
        assertThat(callsByRoute().get("POST /$batch 200").longValue()).isEqualTo(3);
    }

    @Test
    void faultIsInjectedPerInnerRequestOnTheConfiguredRoute() {
        start("faults.rate", "1", "faults.routes", "GET /users/{id}");
        String token = sandbox.graphToken();

        Map<String, JsonNode> responses = responses(token, requests(get("user", "/users/alice@contoso.com"),
                get("team", "/teams('unknown')")));

        int status = responses.get("user").get("status").intValue();
        assertThat(status).isIn(503, 504);
        assertThat(responses.get("user").at("/body/error/message").stringValue()).contains("provisioner.sandbox.faults");
        assertThat(responses.get("team").get("status").intValue()).isEqualTo(404);
        JsonNode counters = sandbox.state().get("counters");
        assertThat(counters.at("/faultsInjected/" + status).longValue()).isEqualTo(1);
        assertThat(counters.get("callsByRoute").get("GET /users/{id} " + status).longValue()).isEqualTo(1);
        assertThat(counters.get("callsByRoute").get("POST /$batch 200").longValue()).isEqualTo(1);
    }

    @Test
    void requestsDependingOnAFailedRequestAnswer424WithoutBeingRun() {
        start();
        String token = sandbox.graphToken();

        Map<String, JsonNode> responses = responses(token, requests(get("1", "/users/nobody@contoso.com"),
                dependent("2", "/users/alice@contoso.com", "1"), dependent("3", "/users/bob@contoso.com", "2")));

        assertThat(responses.get("1").get("status").intValue()).isEqualTo(404);
        assertThat(responses.get("2").get("status").intValue()).isEqualTo(424);
        assertThat(responses.get("2").at("/body/error/code").stringValue()).isEqualTo("FailedDependency");
        assertThat(responses.get("3").get("status").intValue()).isEqualTo(424);
        JsonNode calls = callsByRoute();
        assertThat(calls.get("GET /users/{id} 424").longValue()).isEqualTo(2);
        assertThat(calls.has("GET /users/{id} 200")).isFalse();
    }

    @Test
    void sequentialBatchRunsInRequestOrderWhenEveryDependencySucceeds() {
        start();

        JsonNode answer = RunningSandbox.json(batch(sandbox.graphToken(), requests(get("1", "/users/alice@contoso.com"),
                dependent("2", "/users/bob@contoso.com", "1"), dependent("4", "/users/carol@contoso.com", "2"),
                dependent("3", "/users/dave@contoso.com", "4")))
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());

        List<String> order = new ArrayList<>();
        answer.get("responses").forEach(response -> {
            assertThat(response.get("status").intValue()).isEqualTo(200);
            order.add(response.get("id").stringValue());
        });
        assertThat(order).containsExactly("1", "2", "4", "3");
    }

    @Test
    void batchMixingDependentAndIndependentRequestsOutsideTheDocumentedPatternsIsRefused() {
        start();

        JsonNode error = error(requests(get("1", "/users/alice@contoso.com"), get("2", "/users/bob@contoso.com"),
                dependent("3", "/users/carol@contoso.com", "1"), dependent("4", "/users/dave@contoso.com", "2")),
                400, "BadRequest");

        assertThat(error.get("message").stringValue()).isEqualTo("Batch should be either fully sequential or fully parallel.");
    }

    @Test
    void dependencyOnALaterRequestIsRefused() {
        start();

        JsonNode error = error(requests(dependent("1", "/users/alice@contoso.com", "2"), get("2", "/users/bob@contoso.com")),
                400, "BadRequest");

        assertThat(error.get("message").stringValue()).isEqualTo("The dependsOn Id: [2] in request [1] is not matching"
                + " any of the request Id and atomic group Id seen so far. Forward reference is not allowed.");
    }

    @Test
    void createTeamInsideABatchAnswers202WithItsLocationHeaders() {
        start();
        ObjectNode create = SandboxJson.object().put("id", "create").put("method", "POST").put("url", "/teams");
        create.putObject("headers").put("Content-Type", "application/json");
        create.set("body", RunningSandbox.json(RunningSandbox.teamWithOwner("Batched Falcon")));

        JsonNode created = responses(sandbox.graphToken(), requests(create)).get("create");

        assertThat(created.get("status").intValue()).isEqualTo(202);
        assertThat(created.at("/headers/Location").stringValue()).matches("/teams\\('[^']+'\\)/operations\\('[^']+'\\)");
        assertThat(created.has("body")).isFalse();
        JsonNode counters = sandbox.state().get("counters");
        assertThat(counters.at("/teamsCreatedByDisplayName/Batched Falcon").longValue()).isEqualTo(1);
        assertThat(counters.get("callsByRoute").get("POST /teams 202").longValue()).isEqualTo(1);
    }

    @Test
    void nestedBatchIsRefusedInsideTheBatch() {
        start();
        ObjectNode nested = SandboxJson.object().put("id", "n").put("method", "POST").put("url", "/$batch");
        nested.putObject("headers").put("Content-Type", "application/json");
        nested.set("body", userLookups(1));

        JsonNode response = responses(sandbox.graphToken(), requests(nested)).get("n");

        assertThat(response.get("status").intValue()).isEqualTo(400);
        assertThat(response.at("/body/error/message").stringValue()).contains("Nested batch");
        assertThat(callsByRoute().has("GET /users/{id} 200")).isFalse();
    }

    @Test
    void betaBatchAnswersInnerRequestsInBeta() {
        start();
        String body = SandboxJson.write(requests(get("1", "/users/alice@contoso.com")));

        JsonNode answer = RunningSandbox.json(sandbox.client.post()
                .uri(sandbox.uri(SandboxRoutes.GRAPH_BETA + "/$batch"))
                .header("Authorization", "Bearer " + sandbox.graphToken())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());

        JsonNode alice = StreamSupport.stream(answer.get("responses").spliterator(), false).findFirst().orElseThrow();
        assertThat(alice.at("/body/@odata.context").stringValue())
                .isEqualTo("https://graph.microsoft.com/beta/$metadata#users/$entity");
    }
}
