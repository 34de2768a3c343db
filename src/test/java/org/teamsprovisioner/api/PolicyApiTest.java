package org.teamsprovisioner.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.teamsprovisioner.graph.GraphUser;
import org.teamsprovisioner.graph.GraphClient;
import org.teamsprovisioner.support.SandboxH2Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The policy through the API, with the sandbox directory behind it, over real HTTP. */
@TestPropertySource(properties = {
        "provisioner.policy.naming.prefix=GRP-[Department]-",
        "provisioner.policy.naming.blocked-words=payroll",
        "provisioner.policy.owners.min=2",
        "provisioner.policy.channels.required=Announcements",
        "provisioner.policy.locked-settings.guest-settings.allowDeleteChannels=false",
        "provisioner.policy.apps.always-installed=com.microsoft.teamspace.tab.planner"})
class PolicyApiTest extends SandboxH2Test {

    @Autowired
    private GraphClient graph;

    private String body(String name, List<String> owners) {
        return ServiceTestJson.of(Map.of("displayName", name, "owners", owners, "members", List.of("carol@contoso.com"),
                "channels", List.of(Map.of("displayName", "Plans"))));
    }

    private String department(String user) {
        GraphUser profile = graph.findUsers(java.util.List.of(user)).map(found -> found.get(user)).block();
        return profile.department();
    }

    @Test
    void requestBreakingSeveralRulesIsRefusedWithAllOfThemAndNothingIsStored() {
        String token = tokenFor("alice@contoso.com");
        long before = get(token, "/api/v1/team-requests?limit=100").get("items").size();

        JsonNode problem = submit(token, body("Payroll desk", List.of("alice@contoso.com", "nobody@contoso.com")))
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(problem.get("violations").valueStream().map(v -> v.get("rule").asString()))
                .containsExactly("naming.blockedWord", "owners.unknown");
        assertThat(problem.get("violations").get(1).get("field").asString()).isEqualTo("/owners/1");
        assertThat(get(token, "/api/v1/team-requests?limit=100").get("items").size()).isEqualTo(before);
    }

    @Test
    void previewShowsTheFinalNameAndTheExactGraphRequestThatIsLaterSent() {
        String token = tokenFor("alice@contoso.com");
        String name = "Apollo " + UUID.randomUUID().toString().substring(0, 8);
        String request = body(name, List.of("alice@contoso.com", "bob@contoso.com"));

        JsonNode preview = http().post().uri("/api/v1/team-requests/preview").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(request).exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        String finalName = "GRP-" + department("alice@contoso.com") + "-" + name;

        assertThat(preview.get("valid").asBoolean()).isTrue();
        assertThat(preview.get("violations")).isEmpty();
        assertThat(preview.get("displayName").asString()).isEqualTo(finalName);
        JsonNode graphRequest = preview.get("graphRequest");
        assertThat(graphRequest.get("displayName").asString()).isEqualTo(finalName);
        assertThat(graphRequest.get("channels").valueStream().map(c -> c.get("displayName").asString()))
                .containsExactly("Plans", "Announcements");
        assertThat(graphRequest.get("guestSettings").get("allowDeleteChannels").asBoolean()).isFalse();
        assertThat(graphRequest.get("installedApps")).hasSize(1);

        String location = submit(token, request).expectStatus().isAccepted()
                .returnResult(JsonNode.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);
        JsonNode done = awaitEnd(token, location);

        assertThat(done.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(done.get("displayName").asString()).isEqualTo(finalName);
        JsonNode sent = sentToGraph(done.get("teamId").asString());
        assertThat(normalised(sent)).isEqualTo(normalised(graphRequest));
    }

    @Test
    void previewOfAnInvalidRequestListsViolationsAndNoGraphRequest() {
        String token = tokenFor("alice@contoso.com");

        JsonNode preview = http().post().uri("/api/v1/team-requests/preview").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body("Solo", List.of("alice@contoso.com"))).exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(preview.get("valid").asBoolean()).isFalse();
        assertThat(preview.get("violations").get(0).get("rule").asString()).isEqualTo("owners.min");
        assertThat(preview.get("graphRequest").isNull()).isTrue();
    }

    @Test
    void effectivePolicyShowsThePrefixAsItResolvesForTheCaller() {
        JsonNode policy = get(tokenFor("alice@contoso.com"), "/api/v1/policy");

        String prefix = "GRP-" + department("alice@contoso.com") + "-";
        assertThat(policy.get("naming").get("prefix").asString()).isEqualTo(prefix);
        assertThat(policy.get("naming").get("maxNameLength").asInt()).isEqualTo(256 - prefix.length());
        assertThat(policy.get("naming").get("blockedWordCount").asInt()).isEqualTo(1);
        assertThat(policy.get("owners").get("min").asInt()).isEqualTo(2);
        assertThat(policy.get("channels").get("required").get(0).asString()).isEqualTo("Announcements");
        assertThat(policy.get("templates").get("defaultValue").asString()).isEqualTo("standard");
    }

    /** The body the sandbox Graph received for that team, as recorded in its state. */
    private JsonNode sentToGraph(String teamId) {
        return sandboxState().get("teams").valueStream()
                .filter(team -> teamId.equals(team.get("id").asString()))
                .map(team -> team.get("request"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("team " + teamId + " not in the sandbox"));
    }

    private static String normalised(JsonNode json) {
        return JsonMapper.builder().enable(tools.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build()
                .writeValueAsString(JsonMapper.builder().build().convertValue(json, Object.class));
    }
}
