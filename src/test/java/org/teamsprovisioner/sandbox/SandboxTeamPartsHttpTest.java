package org.teamsprovisioner.sandbox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.test.web.reactive.server.WebTestClient;
import org.teamsprovisioner.sandbox.settings.DefaultDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/** A team's channels, a channel's filesFolder and members/add, once the team exists. */
class SandboxTeamPartsHttpTest {

    private static final String TEAM = """
            {
              "template@odata.bind": "https://graph.microsoft.com/v1.0/teamsTemplates('standard')",
              "displayName": "Sample Engineering Team",
              "description": "Engineering",
              "channels": [
                {"displayName": "Announcements 📢", "isFavoriteByDefault": true, "description": "News"},
                {"displayName": "Planning"}
              ],
              "members": [{
                "@odata.type": "#microsoft.graph.aadUserConversationMember",
                "roles": ["owner"],
                "user@odata.bind": "https://graph.microsoft.com/v1.0/users('alice@contoso.com')"
              }]
            }
            """;

    private final RunningSandbox sandbox = new RunningSandbox(Map.ofEntries(
            Map.entry("provisioner.sandbox.clients[0].client-id", "sandbox-client"),
            Map.entry("provisioner.sandbox.clients[0].client-secret", "sandbox-secret"),
            Map.entry("provisioner.sandbox.clients[0].roles", "Team.Create,Group.ReadWrite.All,User.Read.All"),
            Map.entry("provisioner.sandbox.clients[1].client-id", "member-admin"),
            Map.entry("provisioner.sandbox.clients[1].client-secret", "admin-secret"),
            Map.entry("provisioner.sandbox.clients[1].roles", "TeamMember.ReadWrite.All"),
            Map.entry("provisioner.sandbox.clients[2].client-id", "member-adder"),
            Map.entry("provisioner.sandbox.clients[2].client-secret", "adder-secret"),
            Map.entry("provisioner.sandbox.clients[2].roles", "TeamMember.ReadWriteNonOwnerRole.All"),
            Map.entry("provisioner.sandbox.clients[3].client-id", "files-reader"),
            Map.entry("provisioner.sandbox.clients[3].client-secret", "files-secret"),
            Map.entry("provisioner.sandbox.clients[3].roles", "Files.Read.All"),
            Map.entry("provisioner.sandbox.clients[4].client-id", "team-creator"),
            Map.entry("provisioner.sandbox.clients[4].client-secret", "creator-secret"),
            Map.entry("provisioner.sandbox.clients[4].roles", "Team.Create")));
    private final String token = sandbox.graphToken();
    private final String teamId;

    SandboxTeamPartsHttpTest() {
        String location = sandbox.createTeam(token, TEAM).expectStatus().isAccepted()
                .returnResult(Void.class).getResponseHeaders().getLocation().toString();
        teamId = location.substring("/teams('".length(), location.indexOf("')"));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void channelsAreGeneralThenTheRequestedOnes() {
        teamExists();
        String threadId = sandbox.getJson(token, sandbox.graph("/teams/" + teamId)).get("internalId").stringValue();

        JsonNode channels = GraphCalls.json(GraphCalls.get(sandbox, token, "/teams/" + teamId + "/channels"), 200);

        assertThat(channels.get("@odata.context").stringValue())
                .isEqualTo("https://graph.microsoft.com/v1.0/$metadata#teams('" + teamId + "')/channels");
        assertThat(channels.get("@odata.count").intValue()).isEqualTo(3);
        JsonNode general = channels.at("/value/0");
        assertThat(general.get("id").stringValue()).as("General is the team's own thread").isEqualTo(threadId);
        assertThat(general.get("displayName").stringValue()).isEqualTo("General");
        assertThat(general.get("description").stringValue()).isEqualTo("Engineering");
        assertThat(general.get("membershipType").stringValue()).isEqualTo("standard");
        assertThat(general.get("webUrl").stringValue()).isEqualTo("https://teams.microsoft.com/l/channel/"
                + threadId.replace(":", "%3a").replace("@", "%40") + "/General?groupId=" + teamId
                + "&tenantId=sandbox-tenant");
        JsonNode announcements = channels.at("/value/1");
        assertThat(announcements.get("id").stringValue()).matches("19:[0-9a-f]{32}@thread\\.tacv2").isNotEqualTo(threadId);
        assertThat(announcements.get("displayName").stringValue()).isEqualTo("Announcements 📢");
        assertThat(announcements.get("description").stringValue()).isEqualTo("News");
        assertThat(announcements.get("isFavoriteByDefault").booleanValue()).isTrue();
        assertThat(channels.at("/value/2/displayName").stringValue()).isEqualTo("Planning");
        assertThat(channels.at("/value/2/isFavoriteByDefault").isNull()).isTrue();
        assertThat(channels.at("/value/2/id").stringValue()).isNotEqualTo(announcements.get("id").stringValue());
    }

    @Test
    void channelIdsAreStableAndAddressableInEitherKeyForm() {
        teamExists();
        String planning = channelId(2);

        assertThat(channelId(2)).isEqualTo(planning);
        JsonNode channel = GraphCalls.json(GraphCalls.get(sandbox, token,
                "/teams('" + teamId + "')/channels('" + planning + "')"), 200);
        assertThat(channel.get("displayName").stringValue()).isEqualTo("Planning");
        assertThat(GraphCalls.json(GraphCalls.get(sandbox, token, "/teams/" + teamId + "/channels/" + planning), 200)
                .get("id").stringValue()).isEqualTo(planning);
    }

    @Test
    void teamPartsAreNotFoundUntilTheCreateTeamOperationSucceeded() {
        sandbox.clock.advance(Duration.ofMillis(2299));

        JsonNode error = GraphCalls.error(GraphCalls.get(sandbox, token, "/teams/" + teamId + "/channels"), 404, "NotFound");
        assertThat(error.get("message").stringValue()).isEqualTo("No team found with Group Id " + teamId);
        GraphCalls.error(GraphCalls.post(sandbox, sandbox.graphToken("member-admin", "admin-secret"),
                "/teams/" + teamId + "/members/add", addMembers(member("bob@contoso.com", false))), 404, "NotFound");

        sandbox.clock.advance(Duration.ofMillis(1));
        GraphCalls.get(sandbox, token, "/teams/" + teamId + "/channels").expectStatus().isOk();
    }

    @Test
    void unknownChannelIsNotFound() {
        teamExists();

        JsonNode error = GraphCalls.error(GraphCalls.get(sandbox, token,
                "/teams/" + teamId + "/channels/19:nope@thread.tacv2/filesFolder"), 404, "NotFound");

        assertThat(error.get("message").stringValue()).contains("19:nope@thread.tacv2").contains(teamId);
    }

    @Test
    void filesFolderIsTheChannelsFolderInTheTeamSitesDocumentLibrary() {
        teamExists();
        String general = channelId(0);

        JsonNode folder = GraphCalls.json(GraphCalls.get(sandbox, token,
                "/teams/" + teamId + "/channels/" + general + "/filesFolder"), 200);

        assertThat(folder.get("@odata.context").stringValue()).isEqualTo("https://graph.microsoft.com/v1.0/$metadata#teams('"
                + teamId + "')/channels('" + URLEncoder.encode(general, StandardCharsets.UTF_8) + "')/filesFolder/$entity");
        assertThat(folder.get("id").stringValue()).matches("01[0-9A-F]{32}");
        assertThat(folder.get("name").stringValue()).isEqualTo("General");
        assertThat(folder.get("webUrl").stringValue())
                .isEqualTo("https://contoso.sharepoint.com/sites/SampleEngineeringTeam/Shared%20Documents/General");
        assertThat(folder.at("/parentReference/driveId").stringValue()).matches("b![A-Za-z0-9_-]{64}");
        assertThat(folder.at("/parentReference/driveType").stringValue()).isEqualTo("documentLibrary");
        assertThat(folder.at("/folder/childCount").intValue()).isZero();
        assertThat(folder.get("createdDateTime").stringValue()).isEqualTo("0001-01-01T00:00:00Z");
        assertThat(folder.get("lastModifiedDateTime").stringValue()).isEqualTo("2026-03-02T09:00:02Z");
    }

    @Test
    void getFilesFolderTriggersProvisioningOnceAndLaterCallsAnswerTheSameFolder() {
        teamExists();
        String announcements = channelId(1);
        assertThat(sandbox.state().at("/teams/0/provisionedFilesFolders").isEmpty()).isTrue();

        JsonNode first = GraphCalls.json(GraphCalls.get(sandbox, token,
                "/teams/" + teamId + "/channels/" + announcements + "/filesFolder"), 200);
        sandbox.clock.advance(Duration.ofMinutes(5));
        JsonNode second = GraphCalls.json(GraphCalls.get(sandbox, token,
                "/teams/" + teamId + "/channels/" + announcements + "/filesFolder"), 200);

        assertThat(first.get("webUrl").stringValue()).endsWith("/Shared%20Documents/Announcements%20%F0%9F%93%A2");
        assertThat(second.get("id").stringValue()).isEqualTo(first.get("id").stringValue());
        assertThat(second.at("/parentReference/driveId").stringValue())
                .isEqualTo(first.at("/parentReference/driveId").stringValue());
        assertThat(second.get("lastModifiedDateTime").stringValue())
                .isEqualTo(first.get("lastModifiedDateTime").stringValue());
        assertThat(sandbox.state().at("/teams/0/provisionedFilesFolders").toString())
                .isEqualTo("[\"" + announcements + "\"]");
    }

    @Test
    void filesFolderNeedsAFilesOrGroupPermission() {
        teamExists();
        String path = "/teams/" + teamId + "/channels/" + channelId(0) + "/filesFolder";

        GraphCalls.error(GraphCalls.get(sandbox, sandbox.graphToken("team-creator", "creator-secret"), path), 403,
                "Authorization_RequestDenied");
        GraphCalls.get(sandbox, sandbox.graphToken("files-reader", "files-secret"), path).expectStatus().isOk();
    }

    @Test
    void membersAddAnswers200WithOneResultPerMemberAndChangesTheTeamsMembership() {
        teamExists();

        JsonNode result = GraphCalls.json(addAs("member-admin", "admin-secret",
                member("https://graph.microsoft.com/v1.0/users('" + DefaultDirectory.BOB + "')", false),
                member("https://graph.microsoft.com/v1.0/users('CAROL@contoso.com')", true),
                member("https://graph.microsoft.com/v1.0/users/guest_fabrikam.com%23EXT%23@contoso.onmicrosoft.com", false)),
                200);

        assertThat(result.get("@odata.context").stringValue()).isEqualTo(
                "https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.aadUserConversationMemberResult)");
        assertThat(results(result)).containsExactly(DefaultDirectory.BOB + " null", DefaultDirectory.CAROL + " null",
                DefaultDirectory.GUEST + " null");
        assertThat(result.at("/value/0/@odata.type").stringValue())
                .isEqualTo("#microsoft.graph.aadUserConversationMemberResult");
        assertThat(members(sandbox.state().at("/teams/0/members"))).containsExactly(
                DefaultDirectory.ALICE + " [owner]", DefaultDirectory.CAROL + " [owner]", DefaultDirectory.BOB + " []",
                DefaultDirectory.GUEST + " []");
    }

    @Test
    void memberWhoCannotBeAddedGetsAnErrorEntryAndTheAnswerIsMultiStatus() {
        teamExists();

        JsonNode result = GraphCalls.json(addAs("member-admin", "admin-secret",
                member("https://graph.microsoft.com/v1.0/users('nobody@contoso.com')", false),
                member("https://graph.microsoft.com/v1.0/users('" + DefaultDirectory.BOB + "')", false),
                member("https://graph.microsoft.com/v1.0/users('" + DefaultDirectory.GUEST + "')", true)), 207);

        assertThat(results(result)).containsExactly("nobody@contoso.com NotFound", DefaultDirectory.BOB + " null",
                DefaultDirectory.GUEST + " BadRequest");
        assertThat(result.at("/value/0/error/message").stringValue()).contains("nobody@contoso.com");
        assertThat(result.at("/value/2/error/message").stringValue()).contains("guests can't be team owners");
        assertThat(members(sandbox.state().at("/teams/0/members")))
                .containsExactly(DefaultDirectory.ALICE + " [owner]", DefaultDirectory.BOB + " []");
    }

    @Test
    void nonOwnerRolePermissionAddsMembersButNotOwners() {
        teamExists();

        JsonNode result = GraphCalls.json(addAs("member-adder", "adder-secret",
                member("https://graph.microsoft.com/v1.0/users('bob@contoso.com')", false),
                member("https://graph.microsoft.com/v1.0/users('carol@contoso.com')", true)), 207);

        assertThat(results(result)).containsExactly(DefaultDirectory.BOB + " null", DefaultDirectory.CAROL + " Forbidden");
    }

    @Test
    void membersAddNeedsATeamMemberPermission() {
        teamExists();

        JsonNode error = GraphCalls.error(GraphCalls.post(sandbox, token, "/teams/" + teamId + "/members/add",
                addMembers(member("bob@contoso.com", false))), 403, "Authorization_RequestDenied");

        assertThat(error.get("message").stringValue()).contains("TeamMember.ReadWrite.All");
    }

    @Test
    void atMost200MembersCanBeAddedInOneCall() {
        teamExists();
        String bob = member("https://graph.microsoft.com/v1.0/users('bob@contoso.com')", false);

        JsonNode ok = GraphCalls.json(addAs("member-admin", "admin-secret",
                Collections.nCopies(200, bob).toArray(String[]::new)), 200);
        assertThat(ok.get("value").size()).isEqualTo(200);

        JsonNode error = GraphCalls.error(addAs("member-admin", "admin-secret",
                Collections.nCopies(201, bob).toArray(String[]::new)), 400, "BadRequest");
        assertThat(error.get("message").stringValue()).contains("maximum of 200").contains("201");
    }

    static Stream<Arguments> malformedAdds() {
        return Stream.of(
                Arguments.of("{}", "{\"values\": [...]}"),
                Arguments.of("{\"values\": []}", "at least one"),
                Arguments.of("{\"values\": {}}", "{\"values\": [...]}"),
                Arguments.of("{\"values\": [{\"roles\": [], \"user@odata.bind\": \"users('bob@contoso.com')\"}]}",
                        "values[0] must be an object with \"@odata.type\""),
                Arguments.of("{\"values\": [{\"@odata.type\": \"#microsoft.graph.aadUserConversationMember\","
                        + " \"roles\": \"owner\", \"user@odata.bind\": \"users('bob@contoso.com')\"}]}", "values[0].roles"),
                Arguments.of("{\"values\": [{\"@odata.type\": \"#microsoft.graph.aadUserConversationMember\","
                        + " \"user@odata.bind\": \"groups('x')\"}]}", "values[0] must have a 'user@odata.bind'"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("malformedAdds")
    void malformedMembersAddBodyIsABadRequest(String body, String message) {
        teamExists();

        JsonNode error = GraphCalls.error(GraphCalls.post(sandbox, sandbox.graphToken("member-admin", "admin-secret"),
                "/teams/" + teamId + "/members/add", body), 400, "BadRequest");

        assertThat(error.get("message").stringValue()).contains(message);
    }

    private void teamExists() {
        sandbox.clock.advance(Duration.ofMillis(2300));
    }

    private String channelId(int index) {
        return GraphCalls.json(GraphCalls.get(sandbox, token, "/teams/" + teamId + "/channels"), 200)
                .at("/value/" + index + "/id").stringValue();
    }

    private WebTestClient.ResponseSpec addAs(String clientId, String secret, String... members) {
        return GraphCalls.post(sandbox, sandbox.graphToken(clientId, secret), "/teams('" + teamId + "')/members/add",
                addMembers(members));
    }

    /** The doc's own example writes the type without the leading '#'. */
    private static String member(String bind, boolean owner) {
        return "{\"@odata.type\": \"microsoft.graph.aadUserConversationMember\", \"roles\": [" + (owner ? "\"owner\"" : "")
                + "], \"user@odata.bind\": \"" + bind + "\"}";
    }

    private static String addMembers(String... members) {
        return "{\"values\": [" + String.join(",", members) + "]}";
    }

    private static List<String> results(JsonNode result) {
        List<String> entries = new ArrayList<>();
        result.get("value").forEach(entry -> entries.add(entry.get("userId").stringValue() + " "
                + (entry.get("error").isNull() ? "null" : entry.at("/error/code").stringValue())));
        return entries;
    }

    private static List<String> members(JsonNode members) {
        List<String> entries = new ArrayList<>();
        members.forEach(member -> entries.add(member.get("id").stringValue() + " "
                + member.get("roles").toString().replace("\"", "")));
        return entries;
    }
}
