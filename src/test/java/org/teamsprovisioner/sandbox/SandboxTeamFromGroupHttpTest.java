package org.teamsprovisioner.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.teamsprovisioner.sandbox.settings.DefaultDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Create team from a group (graph-create-team seed, examples 4 and 5 and their notes): the group
 * must exist, have replicated to Teams, have an owner, and the body may not set what the team
 * inherits.
 */
class SandboxTeamFromGroupHttpTest {

    private static final String EXAMPLE_4_GROUP = "71392b2f-1765-406e-86af-5907d9bdb2ab";
    private static final String EXAMPLE_5_GROUP = "dbd8de4f-5d47-48da-87f1-594bed003375";
    private static final String ORPHAN_GROUP = "0e0e0e0e-0000-4000-8000-000000000001";
    private static final String DOOMED_GROUP = "0e0e0e0e-0000-4000-8000-000000000002";

    /** Seed example 4, verbatim. */

    /** Seed example 5, verbatim. */

    private static final Pattern LOCATION = Pattern.compile("/teams\\('(" + GraphCalls.UUID + ")'\\)/operations\\('("
            + GraphCalls.UUID + ")'\\)");

    /** The two seed groups, a group without owner and one whose team will fail, all replicated at start. */
    private final RunningSandbox sandbox = new RunningSandbox(Map.ofEntries(
            Map.entry("provisioner.sandbox.groups.existing[0].id", EXAMPLE_4_GROUP),
            Map.entry("provisioner.sandbox.groups.existing[0].display-name", "Contoso Marketing"),
            Map.entry("provisioner.sandbox.groups.existing[0].description", "Campaigns and launches"),
            Map.entry("provisioner.sandbox.groups.existing[0].visibility", "Private"),
            Map.entry("provisioner.sandbox.groups.existing[0].owners", "alice@contoso.com"),
            Map.entry("provisioner.sandbox.groups.existing[0].members", "bob@contoso.com,carol@contoso.com"),
            Map.entry("provisioner.sandbox.groups.existing[1].id", EXAMPLE_5_GROUP),
            Map.entry("provisioner.sandbox.groups.existing[1].display-name", "Class of 2026"),
            Map.entry("provisioner.sandbox.groups.existing[1].owners", "carol@contoso.com"),
            Map.entry("provisioner.sandbox.groups.existing[1].members",
                    "guest_fabrikam.com#EXT#@contoso.onmicrosoft.com"),
            Map.entry("provisioner.sandbox.groups.existing[2].id", ORPHAN_GROUP),
            Map.entry("provisioner.sandbox.groups.existing[2].display-name", "Orphans"),
            Map.entry("provisioner.sandbox.groups.existing[2].members", "bob@contoso.com"),
            Map.entry("provisioner.sandbox.groups.existing[3].id", DOOMED_GROUP),
            Map.entry("provisioner.sandbox.groups.existing[3].display-name", "Doomed [fail]"),
            Map.entry("provisioner.sandbox.groups.existing[3].owners", "bob@contoso.com")));
    private final String token = sandbox.graphToken();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    static Stream<Arguments> seedExamples() {
        return Stream.of(Arguments.of("example 4", SeedExamples.EXAMPLE_4, EXAMPLE_4_GROUP), Arguments.of("example 5", SeedExamples.EXAMPLE_5,
                EXAMPLE_5_GROUP));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seedExamples")
    void seedExampleIsAcceptedVerbatimAndTheTeamTakesTheGroupId(String name, String body, String groupId) {
        EntityExchangeResult<Void> result = sandbox.createTeam(token, body)
                .expectStatus().isAccepted()
                .expectHeader().valueEquals(HttpHeaders.CONTENT_LENGTH, "0")
                .expectHeader().valueMatches("request-id", GraphCalls.UUID)
                .expectBody().isEmpty();

        Matcher location = LOCATION.matcher(result.getResponseHeaders().getFirst(HttpHeaders.LOCATION));
        assertThat(location.matches()).isTrue();
        assertThat(location.group(1)).isEqualTo(groupId);
        assertThat(result.getResponseHeaders().getFirst(HttpHeaders.CONTENT_LOCATION)).isEqualTo("/teams('" + groupId + "')");
    }

    @Test
    void teamInheritsTheGroupsNameDescriptionVisibilityAndMembers() {
        sandbox.createTeam(token, SeedExamples.EXAMPLE_4).expectStatus().isAccepted();
        sandbox.clock.advance(Duration.ofSeconds(3));

        JsonNode team = sandbox.getJson(token, sandbox.graph("/teams('" + EXAMPLE_4_GROUP + "')"));
        assertThat(team.get("id").stringValue()).isEqualTo(EXAMPLE_4_GROUP);
        assertThat(team.get("displayName").stringValue()).isEqualTo("Contoso Marketing");
        assertThat(team.get("description").stringValue()).isEqualTo("Campaigns and launches");
        assertThat(team.get("visibility").stringValue()).isEqualTo("private");
        assertThat(team.get("webUrl").stringValue()).contains("groupId=" + EXAMPLE_4_GROUP);

        JsonNode state = sandbox.state();
        assertThat(state.at("/teams/0/owners").toString()).isEqualTo("[\"" + DefaultDirectory.ALICE + "\"]");
        assertThat(memberIds(state.at("/teams/0/members"))).containsExactly(
                DefaultDirectory.ALICE + " [owner]", DefaultDirectory.BOB + " []", DefaultDirectory.CAROL + " []");
        JsonNode group = GraphCalls.json(GraphCalls.get(sandbox, token, "/groups/" + EXAMPLE_4_GROUP), 200);
        assertThat(group.at("/resourceProvisioningOptions/0").stringValue()).isEqualTo("Team");
        assertThat(stateOfGroup(state, EXAMPLE_4_GROUP).get("hasTeam").booleanValue()).isTrue();
        assertThat(stateOfGroup(state, EXAMPLE_5_GROUP).get("hasTeam").booleanValue()).isFalse();
    }

    @Test
    void groupIsNotATeamUntilTheOperationSucceeds() {
        sandbox.createTeam(token, SeedExamples.EXAMPLE_5).expectStatus().isAccepted();

        JsonNode group = GraphCalls.json(GraphCalls.get(sandbox, token, "/groups/" + EXAMPLE_5_GROUP), 200);
        assertThat(group.get("resourceProvisioningOptions").isEmpty()).isTrue();

        sandbox.clock.advance(Duration.ofMillis(2300));
        group = GraphCalls.json(GraphCalls.get(sandbox, token, "/groups/" + EXAMPLE_5_GROUP), 200);
        assertThat(group.at("/resourceProvisioningOptions/0").stringValue()).isEqualTo("Team");
    }

    @ParameterizedTest
    @CsvSource(quoteCharacter = '`', textBlock = """
            displayName,        `"displayName": "My Sample Team"`
            visibility,         `"visibility": "Private"`
            specialization,     `"specialization": "none"`
            members,            `"members": []`
            members@odata.bind, `"members@odata.bind": ["https://graph.microsoft.com/v1.0/users('bob@contoso.com')"]`
            """)
    void propertyTheTeamInheritsFromTheGroupIsRejected(String property, String json) {
        String body = SeedExamples.EXAMPLE_4.replace("\"template@odata.bind\"", json + ", \"template@odata.bind\"");

        JsonNode error = GraphCalls.error(sandbox.createTeam(token, body), 400, "BadRequest");

        assertThat(error.get("message").stringValue())
                .startsWith("The property '" + property + "' can't be set when a team is created from a group")
                .contains("inherits the group's displayName, visibility, specialization and members");
        assertThat(sandbox.state().get("teams").size()).isZero();
    }

    @Test
    void groupWithoutOwnerCannotBecomeATeam() {
        JsonNode error = GraphCalls.error(sandbox.createTeam(token, SeedExamples.EXAMPLE_4.replace(EXAMPLE_4_GROUP, ORPHAN_GROUP)), 400,
                "BadRequest");

        assertThat(error.get("message").stringValue()).isEqualTo("The group '" + ORPHAN_GROUP + "' has no owner. In order"
                + " to create a team, the group you're creating it from must have at least one owner.");
    }

    @Test
    void groupThatDoesNotExistIsNotFound() {
        String unknown = "aaaaaaaa-0000-4000-8000-000000000000";

        JsonNode error = GraphCalls.error(sandbox.createTeam(token, SeedExamples.EXAMPLE_4.replace(EXAMPLE_4_GROUP, unknown)), 404,
                "NotFound");

        assertThat(error.get("message").stringValue()).contains("CreateTeamFromGroupWithTemplateRequest")
                .contains("Group '" + unknown + "' was not found").contains("replicated");
    }

    @ParameterizedTest(name = "{0} ms after POST /groups -> {1}")
    @CsvSource(textBlock = """
            0,      404
            1,      404
            2999,   404
            3000,   202
            60000,  202
            """)
    void groupIsNotFoundForTeamCreationDuringReplication(long millis, int status) {
        String groupId = GraphCalls.createGroup(sandbox, token,
                GraphCalls.unifiedGroup("Fresh", "fresh", DefaultDirectory.ALICE)).get("id").stringValue();
        // The directory itself sees the group at once; only the Teams backend lags.
        GraphCalls.get(sandbox, token, "/groups/" + groupId).expectStatus().isOk();

        sandbox.clock.advance(Duration.ofMillis(millis));

        sandbox.createTeam(token, SeedExamples.EXAMPLE_4.replace(EXAMPLE_4_GROUP, groupId)).expectStatus().isEqualTo(status);
    }

    @Test
    void replicationDelayIsConfigurable() {
        try (RunningSandbox slow = new RunningSandbox(Map.of("provisioner.sandbox.groups.replication-delay", "15m"))) {
            String slowToken = slow.graphToken();
            String groupId = GraphCalls.createGroup(slow, slowToken,
                    GraphCalls.unifiedGroup("Fresh", "fresh", DefaultDirectory.ALICE)).get("id").stringValue();
            assertThat(slow.state().at("/groups/0/replicatedDateTime").stringValue())
                    .isEqualTo(RunningSandbox.START.plus(Duration.ofMinutes(15)).toString());

            slow.clock.advance(Duration.ofMinutes(15).minusMillis(1));
            GraphCalls.error(slow.createTeam(slowToken, SeedExamples.EXAMPLE_4.replace(EXAMPLE_4_GROUP, groupId)), 404, "NotFound");
            slow.clock.advance(Duration.ofMillis(1));
            slow.createTeam(slowToken, SeedExamples.EXAMPLE_4.replace(EXAMPLE_4_GROUP, groupId)).expectStatus().isAccepted();
        }
        try (RunningSandbox instant = new RunningSandbox(Map.of("provisioner.sandbox.groups.replication-delay", "0s"))) {
            String instantToken = instant.graphToken();
            String groupId = GraphCalls.createGroup(instant, instantToken,
                    GraphCalls.unifiedGroup("Fresh", "fresh", DefaultDirectory.ALICE)).get("id").stringValue();

            instant.createTeam(instantToken, SeedExamples.EXAMPLE_4.replace(EXAMPLE_4_GROUP, groupId)).expectStatus().isAccepted();
        }
    }

    @Test
    void groupThatAlreadyHasATeamIsAConflict() {
        sandbox.createTeam(token, SeedExamples.EXAMPLE_4).expectStatus().isAccepted();

        JsonNode error = GraphCalls.error(sandbox.createTeam(token, SeedExamples.EXAMPLE_4), 409, "Conflict");

        assertThat(error.get("message").stringValue()).contains(EXAMPLE_4_GROUP).contains("already has a team");
    }

    @Test
    void theGroupBehindATeamCreatedFromScratchAlreadyHasItsTeam() {
        String location = sandbox.createTeamLocation(token, "From scratch");
        String teamId = location.substring("/teams('".length(), location.indexOf("')"));

        GraphCalls.error(sandbox.createTeam(token, SeedExamples.EXAMPLE_4.replace(EXAMPLE_4_GROUP, teamId)), 409, "Conflict");
    }

    @Test
    void groupWhoseTeamFailedMayBeTeamifiedAgain() {
        String body = SeedExamples.EXAMPLE_4.replace(EXAMPLE_4_GROUP, DOOMED_GROUP);
        String first = sandbox.createTeam(token, body).expectStatus().isAccepted()
                .returnResult(Void.class).getResponseHeaders().getLocation().toString();
        sandbox.clock.advance(Duration.ofSeconds(3));
        assertThat(sandbox.getJson(token, sandbox.graph(first)).get("status").stringValue()).isEqualTo("failed");

        String second = sandbox.createTeam(token, body).expectStatus().isAccepted()
                .returnResult(Void.class).getResponseHeaders().getLocation().toString();

        assertThat(second).startsWith("/teams('" + DOOMED_GROUP + "')").isNotEqualTo(first);
    }

    @Test
    void securityGroupCannotBecomeATeam() {
        String groupId = GraphCalls.createGroup(sandbox, token, """
                {"displayName": "Locked", "groupTypes": [], "mailEnabled": false, "mailNickname": "locked",
                 "securityEnabled": true,
                 "owners@odata.bind": ["https://graph.microsoft.com/v1.0/users/a11ce000-0000-4000-8000-000000000001"]}
                """).get("id").stringValue();
        sandbox.clock.advance(Duration.ofSeconds(3));

        JsonNode error = GraphCalls.error(sandbox.createTeam(token, SeedExamples.EXAMPLE_4.replace(EXAMPLE_4_GROUP, groupId)), 400,
                "BadRequest");

        assertThat(error.get("message").stringValue()).contains("security group").contains("Microsoft 365 group");
    }

    @Test
    void groupBindThatDoesNotAddressAGroupIsABadRequest() {
        JsonNode error = GraphCalls.error(sandbox.createTeam(token,
                SeedExamples.EXAMPLE_4.replace("groups('" + EXAMPLE_4_GROUP + "')", "users('alice@contoso.com')")), 400, "BadRequest");

        assertThat(error.get("message").stringValue()).contains("'group@odata.bind'").contains("does not address a group");
    }

    @Test
    void theOtherCreateTeamRulesStillApply() {
        JsonNode error = GraphCalls.error(sandbox.createTeam(token, SeedExamples.EXAMPLE_4.replace("'standard'", "'pirateShip'")), 400,
                "BadRequest");

        assertThat(error.get("message").stringValue()).contains("'pirateShip'");
        assertThat(sandbox.state().get("teams").size()).isZero();
    }

    private static JsonNode stateOfGroup(JsonNode state, String groupId) {
        for (JsonNode group : state.get("groups")) {
            if (group.get("id").stringValue().equals(groupId)) {
                return group;
            }
        }
        throw new AssertionError("No group " + groupId + " in " + state.get("groups"));
    }

    private static List<String> memberIds(JsonNode members) {
        List<String> ids = new ArrayList<>();
        members.forEach(member -> ids.add(member.get("id").stringValue() + " " + member.get("roles").toString()
                .replace("\"", "")));
        return ids;
    }
}
