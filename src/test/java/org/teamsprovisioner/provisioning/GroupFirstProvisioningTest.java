package org.teamsprovisioner.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.teamsprovisioner.graph.GraphClient;
import org.teamsprovisioner.graph.GroupSummary;
import org.teamsprovisioner.graph.NewGroup;
import org.teamsprovisioner.support.SandboxH2Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Group-first provisioning against a sandbox Graph that replicates groups slowly and answers
 * {@code POST /groups} too late for the client (the group is created, the answer times out): the
 * lost answer is reconciled by mailNickname instead of creating a second group, and Graph's 404s
 * for the replicating group are waited out, leaving exactly one group and one team per request.
 */
@TestPropertySource(properties = {
        "provisioner.policy.creation-mode=group-first",
        "provisioner.sandbox.groups.replication-delay=4s",
        "provisioner.provisioning.replication-retry-interval=250ms",
        "provisioner.provisioning.replication-max-backoff=500ms",
        "provisioner.sandbox.faults.latency-min=1200ms",
        "provisioner.sandbox.faults.latency-max=1300ms",
        "provisioner.sandbox.faults.routes=POST /groups",
        "provisioner.graph.response-timeout=700ms"})
class GroupFirstProvisioningTest extends SandboxH2Test {

    @Autowired
    private GraphClient graph;

    private String request(String name, String existingGroupId) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("displayName", name,
                "owners", List.of("alice@contoso.com"), "members", List.of("carol@contoso.com")));
        if (existingGroupId != null) {
            body.put("existingGroupId", existingGroupId);
        }
        return JsonMapper.builder().build().writeValueAsString(body);
    }

    private String submitted(String token, String body) {
        return submit(token, body).expectStatus().isAccepted()
                .returnResult(JsonNode.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);
    }

    private long calls(JsonNode state, String route) {
        JsonNode count = state.get("counters").get("callsByRoute").get(route);
        return count == null ? 0 : count.asLong();
    }

    @Test
    void groupFirstRequestWaitsOutReplicationAndAdoptsWhatLostAnswersCreated() {
        String token = tokenFor("alice@contoso.com");
        String name = "Group first " + UUID.randomUUID().toString().substring(0, 8);

        JsonNode done = awaitEnd(token, submitted(token, request(name, null)));

        assertThat(done.get("status").asString()).isEqualTo("SUCCEEDED");
        JsonNode state = sandboxState();
        List<JsonNode> groups = state.get("groups").valueStream().filter(g -> g.get("displayName").asString().equals(name)).toList();
        assertThat(groups).hasSize(1);
        assertThat(groups.get(0).get("mailNickname").asString()).startsWith("team-");
        assertThat(groups.get(0).get("hasTeam").asBoolean()).isTrue();
        assertThat(done.get("teamId").asString()).isEqualTo(groups.get(0).get("id").asString());
        assertThat(state.get("counters").get("teamsCreatedByDisplayName").get(name).asInt()).isEqualTo(1);
        // The group's creation answered too late once, and Graph answered 404 while the group replicated.
        assertThat(calls(state, "GET /groups 200")).isPositive();
        assertThat(calls(state, "POST /teams 404")).isPositive();
    }

    @Test
    void existingGroupBecomesTheTeam() {
        String token = tokenFor("alice@contoso.com");
        String nickname = "existing" + UUID.randomUUID().toString().substring(0, 8);
        GroupSummary group = graph.createGroup(new NewGroup("Existing " + nickname, null, nickname, "private",
                List.of("alice@contoso.com"), List.of())).onErrorResume(e -> graph.findGroupsByMailNickname(nickname)
                .map(found -> found.get(0))).block(Duration.ofSeconds(10));

        JsonNode done = awaitEnd(token, submitted(token, request("Ignored name", group.id())));

        assertThat(done.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(done.get("teamId").asString()).isEqualTo(group.id());
        // Graph takes an existing group's members as they are; the request's are added afterwards.
        JsonNode team = sandboxState().get("teams").valueStream()
                .filter(t -> t.get("id").asString().equals(group.id())).findFirst().orElseThrow();
        String carol = graph.findUsers(java.util.List.of("carol@contoso.com")).map(found -> found.get("carol@contoso.com")).block(Duration.ofSeconds(10)).id();
        assertThat(team.get("members").valueStream().map(m -> m.get("id").asString())).contains(carol);
        assertThat(sandboxState().get("counters").get("callsByRoute").get("POST /teams/{id}/members/add 200").asInt()).isPositive();
    }

    @Test
    void unknownExistingGroupFailsClearly() {
        // The policy refuses a group the requester does not own (and one that does not exist) at submit; the
        // service desk may name any group, so its request reaches the job, which finds no group and fails clearly.
        String token = tokenFor("alice@contoso.com", "TeamRequests.ManageAll");

        JsonNode done = awaitEnd(token, submitted(token, request("No such group", UUID.randomUUID().toString())));

        assertThat(done.get("status").asString()).isEqualTo("FAILED");
        assertThat(done.get("error").get("code").asString()).isEqualTo("GroupNotFound");
    }
}
