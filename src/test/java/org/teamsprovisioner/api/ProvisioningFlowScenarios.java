package org.teamsprovisioner.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Submit → follow → SUCCEEDED/FAILED through the public API and the sandbox Graph over HTTP. Run
 * once per database (H2 for the sandbox, PostgreSQL as in production).
 */
interface ProvisioningFlowScenarios {

    String tokenFor(String user, String... roles);

    WebTestClient.ResponseSpec submit(String token, String json);

    JsonNode get(String token, String path);

    JsonNode awaitEnd(String token, String location);

    JsonNode sandboxState();

    WebTestClient http();

    private static String uniqueUser() {
        return "user-" + UUID.randomUUID().toString().substring(0, 8) + "@contoso.com";
    }

    private static String request(String displayName) {
        return ServiceTestJson.of(Map.of(
                "displayName", displayName,
                "description", "Project space",
                "owners", List.of("alice@contoso.com", "bob@contoso.com"),
                "members", List.of("carol@contoso.com"),
                "channels", List.of(Map.of("displayName", "Announcements", "favoriteByDefault", true))));
    }

    @Test
    default void submittedRequestReachesSucceededWithTeamIdAndWebUrl() {
        String token = tokenFor(uniqueUser());
        String name = "Project Apollo " + UUID.randomUUID();

        var accepted = submit(token, request(name)).expectStatus().isAccepted();
        String location = accepted.returnResult(JsonNode.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);
        JsonNode created = submit(token, request(name + " twin")).expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(location).matches("/api/v1/team-requests/[0-9a-f-]{36}");
        assertThat(created.get("status").asString()).isIn("ACCEPTED", "PROVISIONING", "SUCCEEDED");
        assertThat(created.get("displayName").asString()).isEqualTo(name + " twin");

        JsonNode done = awaitEnd(token, location);
        assertThat(done.get("status").asString()).isEqualTo("SUCCEEDED");
        String teamId = done.get("teamId").asString();
        assertThat(teamId).isNotBlank();
        assertThat(done.get("webUrl").asString()).startsWith("https://teams.microsoft.com/").contains(teamId);
        assertThat(done.get("graphOperation").get("status").asString()).isEqualTo("succeeded");
        assertThat(done.has("error")).isFalse();

        JsonNode team = findTeam(sandboxState(), teamId);
        assertThat(team.get("displayName").asString()).isEqualTo(name);
        // After SUCCEEDED the job reads the General channel's files folder (the Create team doc's advice).
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(15);
        while (findTeam(sandboxState(), teamId).get("provisionedFilesFolders").isEmpty()) {
            assertThat(java.time.Instant.now()).as("files folder of %s never read", teamId).isBefore(deadline);
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    default void operationThatFailsInGraphMarksTheRequestFailedWithGraphsError() {
        String token = tokenFor(uniqueUser());
        String location = submit(token, request("Doomed team [fail] " + UUID.randomUUID())).expectStatus().isAccepted()
                .returnResult(JsonNode.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);

        JsonNode done = awaitEnd(token, location);

        assertThat(done.get("status").asString()).isEqualTo("FAILED");
        assertThat(done.get("teamId").asString()).isNotBlank();
        assertThat(done.get("graphOperation").get("status").asString()).isEqualTo("failed");
        assertThat(done.get("error").get("code").asString()).isNotBlank();
        assertThat(done.get("error").get("message").asString()).isNotBlank();
        assertThat(done.has("webUrl")).isFalse();
    }

    @Test
    default void listShowsOnlyTheCallersRequestsNewestFirstPageByPage() {
        String mine = tokenFor(uniqueUser());
        String theirs = tokenFor(uniqueUser());
        List<String> names = List.of("First " + UUID.randomUUID(), "Second " + UUID.randomUUID(), "Third " + UUID.randomUUID());
        names.forEach(name -> submit(mine, request(name)).expectStatus().isAccepted());
        submit(theirs, request("Not mine " + UUID.randomUUID())).expectStatus().isAccepted();

        JsonNode first = get(mine, "/api/v1/team-requests?limit=2");
        JsonNode second = get(mine, "/api/v1/team-requests?limit=2&cursor=" + first.get("next").asString());

        assertThat(first.get("items").valueStream().map(i -> i.get("displayName").asString()))
                .containsExactly(names.get(2), names.get(1));
        assertThat(second.get("items").valueStream().map(i -> i.get("displayName").asString()))
                .containsExactly(names.get(0));
        assertThat(second.get("next").isNull()).isTrue();
        assertThat(get(theirs, "/api/v1/team-requests").get("items")).hasSize(1);
        assertThat(get(mine, "/api/v1/team-requests?status=FAILED").get("items")).isEmpty();
    }

    @Test
    default void anotherCallersRequestIsNotFoundUnlessTheCallerMayReadAll() {
        String owner = tokenFor(uniqueUser());
        String location = submit(owner, request("Private affair " + UUID.randomUUID())).expectStatus().isAccepted()
                .returnResult(JsonNode.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);

        http().get().uri(location).headers(h -> h.setBearerAuth(tokenFor(uniqueUser()))).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(get(tokenFor(uniqueUser(), "TeamRequests.ReadAll"), location).get("displayName").asString())
                .startsWith("Private affair");
    }

    @Test
    default void statusMonitorCarriesRetryAfterWhileTheRequestIsAtWorkAndNoneOnceItIsDone() {
        String token = tokenFor(uniqueUser());
        String location = submit(token, request("Paced poll " + UUID.randomUUID())).expectStatus().isAccepted()
                .returnResult(JsonNode.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);
        java.util.Set<String> statusesAtWork = new java.util.HashSet<>();
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
        while (true) {
            var answer = http().get().uri(location).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                    .returnResult(JsonNode.class);
            String status = answer.getResponseBody().blockFirst().get("status").asString();
            String retryAfter = answer.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER);
            if (status.equals("SUCCEEDED")) {
                assertThat(retryAfter).as("Retry-After of a terminal request").isNull();
                break;
            }
            statusesAtWork.add(status);
            // The sandbox's jobs poll Graph every second or two (application-sandbox.yml).
            assertThat(retryAfter).as("Retry-After while %s", status).isNotNull();
            assertThat(Integer.parseInt(retryAfter)).isBetween(1, 10);
            assertThat(java.time.Instant.now()).as("%s never finished", location).isBefore(deadline);
            pause();
        }
        assertThat(statusesAtWork).isNotEmpty();
    }

    @Test
    default void liveEventStreamSendsTheWholeHistoryAndEndsAfterSucceeded() {
        String token = tokenFor(uniqueUser());
        String location = submit(token, request("Streamed " + UUID.randomUUID())).expectStatus().isAccepted()
                .returnResult(JsonNode.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);

        List<org.springframework.http.codec.ServerSentEvent<String>> received = http().mutate()
                .responseTimeout(java.time.Duration.ofSeconds(60)).build()
                .get().uri(location + "/events").accept(MediaType.TEXT_EVENT_STREAM).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .returnResult(new org.springframework.core.ParameterizedTypeReference<org.springframework.http.codec.ServerSentEvent<String>>() {
                }).getResponseBody()
                .filter(event -> event.data() != null)
                .collectList().block(java.time.Duration.ofSeconds(60));

        List<String> history = get(token, location + "/events?limit=100").get("items").valueStream()
                .map(event -> event.get("type").asString()).toList();
        assertThat(received).extracting(org.springframework.http.codec.ServerSentEvent::event).containsExactlyElementsOf(history)
                .startsWith("submitted").endsWith("succeeded");
    }

    @Test
    default void historyListsEveryChangeOldestFirstPageByPageAndOnlyToWhoMaySeeTheRequest() {
        String user = uniqueUser();
        String token = tokenFor(user);
        String location = submit(token, request("Chronicle " + UUID.randomUUID())).expectStatus().isAccepted()
                .returnResult(JsonNode.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);
        assertThat(awaitEnd(token, location).get("status").asString()).isEqualTo("SUCCEEDED");

        JsonNode all = get(token, location + "/events?limit=100");
        List<String> types = all.get("items").valueStream().map(event -> event.get("type").asString()).toList();
        List<Long> ids = all.get("items").valueStream().map(event -> event.get("id").asLong()).toList();
        assertThat(types.get(0)).isEqualTo("submitted");
        assertThat(types).containsSubsequence("submitted", "team-id-known", "step-reached", "succeeded");
        assertThat(ids).isSorted().doesNotHaveDuplicates().startsWith(1L);
        assertThat(all.get("items").get(0).get("actor").asString()).isNotBlank().isNotEqualTo("service");
        assertThat(all.get("items").get(0).get("data").get("displayName").asString()).startsWith("Chronicle ");
        assertThat(all.get("next").isNull()).isTrue();

        JsonNode first = get(token, location + "/events?limit=2");
        assertThat(first.get("items").size()).isEqualTo(2);
        JsonNode rest = get(token, location + "/events?limit=100&after=" + first.get("next").asLong());
        assertThat(rest.get("items").get(0).get("id").asLong()).isEqualTo(3L);
        assertThat(rest.get("items").size()).isEqualTo(ids.size() - 2);

        http().get().uri(location + "/events").headers(h -> h.setBearerAuth(tokenFor(uniqueUser()))).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http().get().uri(location + "/events?after=-1").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static JsonNode findTeam(JsonNode state, String teamId) {
        return state.get("teams").valueStream()
                .filter(team -> teamId.equals(team.get("id").asString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("team " + teamId + " is not in the sandbox Graph: " + state));
    }
}
