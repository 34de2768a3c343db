package org.teamsprovisioner.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.web.util.UriUtils;
import org.teamsprovisioner.sandbox.settings.DefaultDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /teams against the directory: members must exist, and every team gets its Microsoft 365 group. */
class SandboxCreateTeamDirectoryHttpTest {

    private final RunningSandbox sandbox = new RunningSandbox();
    private final String token = sandbox.graphToken();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(quoteCharacter = '"', textBlock = """
            users('alice@contoso.com'),                             a11ce000-0000-4000-8000-000000000001
            users('Alice@CONTOSO.com'),                             a11ce000-0000-4000-8000-000000000001
            users/alice@contoso.com,                                a11ce000-0000-4000-8000-000000000001
            users('A11CE000-0000-4000-8000-000000000001'),          a11ce000-0000-4000-8000-000000000001
            "users('o''brien@contoso.com')",                        0b71e000-0000-4000-8000-000000000005
            """)
    void ownerIsResolvedByIdOrUserPrincipalNameIgnoringCaseAndStoredById(String bind, String id) {
        sandbox.createTeam(token, team("Resolved", member("https://graph.microsoft.com/v1.0/" + bind, "owner")))
                .expectStatus().isAccepted();

        assertThat(sandbox.state().at("/teams/0/owners").toString()).isEqualTo("[\"" + id + "\"]");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(quoteCharacter = '"', textBlock = """
            users('nobody@contoso.com'),                     nobody@contoso.com
            users('00000000-0000-4000-8000-00000000dead'),   00000000-0000-4000-8000-00000000dead
            "users('alice@contoso.com ')",                   "alice@contoso.com "
            """)
    void memberTheDirectoryDoesNotHaveIsABadRequest(String bind, String key) {
        String body = team("Ghost members", member("https://graph.microsoft.com/v1.0/users('alice@contoso.com')", "owner"),
                member("https://graph.microsoft.com/v1.0/" + bind));

        JsonNode error = GraphCalls.error(sandbox.createTeam(token, body), 400, "BadRequest");

        assertThat(error.get("message").stringValue()).startsWith("Invalid user '" + key + "' in members")
                .contains("no user with this object id or userPrincipalName exists");
        assertThat(sandbox.state().get("teams").size()).isZero();
        assertThat(sandbox.state().get("groups").size()).isZero();
    }

    @Test
    void guestMayBeAMemberButNotAnOwner() {
        String guest = "https://graph.microsoft.com/v1.0/users('" + DefaultDirectory.GUEST + "')";
        String alice = "https://graph.microsoft.com/v1.0/users('alice@contoso.com')";

        JsonNode error = GraphCalls.error(sandbox.createTeam(token, team("Guest owner", member(alice, "owner"),
                member(guest, "owner"))), 400, "BadRequest");
        assertThat(error.get("message").stringValue()).contains("guest_fabrikam.com#EXT#@contoso.onmicrosoft.com")
                .contains("guests can't be team owners");

        sandbox.createTeam(token, team("Guest member", member(alice, "owner"), member(guest))).expectStatus().isAccepted();
    }

    @Test
    void everyTeamGetsAMicrosoft365GroupWithTheSameIdNameAndMembers() {
        String location = sandbox.createTeam(token, team("Project Falcon: Q3 launch!",
                member("https://graph.microsoft.com/v1.0/users('alice@contoso.com')", "owner"),
                member("https://graph.microsoft.com/v1.0/users('bob@contoso.com')"))).expectStatus().isAccepted()
                .returnResult(Void.class).getResponseHeaders().getLocation().toString();
        String teamId = location.substring("/teams('".length(), location.indexOf("')"));

        JsonNode group = GraphCalls.json(GraphCalls.get(sandbox, token, "/groups/" + teamId), 200);

        assertThat(group.get("displayName").stringValue()).isEqualTo("Project Falcon: Q3 launch!");
        assertThat(group.get("mailNickname").stringValue()).isEqualTo("ProjectFalconQ3launch");
        assertThat(group.get("mail").stringValue()).isEqualTo("ProjectFalconQ3launch@contoso.onmicrosoft.com");
        assertThat(group.get("visibility").stringValue()).isEqualTo("Public");
        assertThat(group.get("resourceProvisioningOptions").isEmpty()).as("until the operation succeeds").isTrue();
        assertThat(ids(GraphCalls.json(GraphCalls.get(sandbox, token, "/groups/" + teamId + "/owners"), 200)))
                .containsExactly(DefaultDirectory.ALICE);
        assertThat(ids(GraphCalls.json(GraphCalls.get(sandbox, token, "/groups/" + teamId + "/members"), 200)))
                .containsExactly(DefaultDirectory.ALICE, DefaultDirectory.BOB);

        sandbox.clock.advance(Duration.ofMillis(2300));
        JsonNode found = GraphCalls.json(GraphCalls.get(sandbox, token, "/groups?$filter="
                + UriUtils.encodeQueryParam("displayName eq 'project falcon: q3 launch!'", StandardCharsets.UTF_8)), 200);
        assertThat(found.at("/value/0/id").stringValue()).isEqualTo(teamId);
        assertThat(found.at("/value/0/resourceProvisioningOptions/0").stringValue()).isEqualTo("Team");
    }

    @Test
    void groupNicknamesOfTeamsWithTheSameNameAreMadeUnique() {
        String alice = member("https://graph.microsoft.com/v1.0/users('alice@contoso.com')", "owner");
        sandbox.createTeam(token, team("Sales", alice)).expectStatus().isAccepted();
        sandbox.createTeam(token, team("Sales", alice)).expectStatus().isAccepted();
        sandbox.createTeam(token, team("📢📢", alice)).expectStatus().isAccepted();

        List<String> nicknames = new ArrayList<>();
        sandbox.state().get("groups").forEach(group -> nicknames.add(group.get("mailNickname").stringValue()));

        assertThat(nicknames).hasSize(3).contains("Sales", "Sales2")
                .anySatisfy(nickname -> assertThat(nickname).matches("msteams_[0-9a-f]{6}"));
    }

    private static String team(String displayName, String... members) {
        return """
                {
                  "template@odata.bind": "https://graph.microsoft.com/v1.0/teamsTemplates('standard')",
                  "displayName": "%s",
                  "members": [%s]
                }
                """.formatted(displayName, String.join(",", members));
    }

    private static String member(String bind, String... roles) {
        return "{\"@odata.type\": \"#microsoft.graph.aadUserConversationMember\", \"roles\": ["
                + (roles.length == 0 ? "" : "\"" + String.join("\",\"", roles) + "\"") + "], \"user@odata.bind\": \""
                + bind + "\"}";
    }

    private static List<String> ids(JsonNode collection) {
        List<String> ids = new ArrayList<>();
        collection.get("value").forEach(value -> ids.add(value.get("id").stringValue()));
        return ids;
    }
}
