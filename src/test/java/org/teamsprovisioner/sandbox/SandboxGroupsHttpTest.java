package org.teamsprovisioner.sandbox;

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
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.util.UriUtils;
import org.teamsprovisioner.sandbox.http.SandboxJson;
import org.teamsprovisioner.sandbox.settings.DefaultDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/** POST, GET, $filter and DELETE on /groups, as Graph's group docs describe them. */
class SandboxGroupsHttpTest {

    /** Create group's example 1, verbatim: an app-only Microsoft 365 group without owners. */
    private static final String LIBRARY = """
            {
              "description": "Self help community for library",
              "displayName": "Library Assist",
              "groupTypes": [
                "Unified"
              ],
              "mailEnabled": true,
              "mailNickname": "library",
              "securityEnabled": false
            }
            """;

    private final RunningSandbox sandbox = new RunningSandbox(Map.ofEntries(
            Map.entry("provisioner.sandbox.clients[0].client-id", "sandbox-client"),
            Map.entry("provisioner.sandbox.clients[0].client-secret", "sandbox-secret"),
            Map.entry("provisioner.sandbox.clients[0].roles", "Team.Create,Group.ReadWrite.All,User.Read.All"),
            Map.entry("provisioner.sandbox.clients[1].client-id", "team-creator"),
            Map.entry("provisioner.sandbox.clients[1].client-secret", "creator-secret"),
            Map.entry("provisioner.sandbox.clients[1].roles", "Team.Create"),
            Map.entry("provisioner.sandbox.clients[2].client-id", "group-creator"),
            Map.entry("provisioner.sandbox.clients[2].client-secret", "group-secret"),
            Map.entry("provisioner.sandbox.clients[2].roles", "Group.Create"),
            Map.entry("provisioner.sandbox.clients[3].client-id", "group-creator-reader"),
            Map.entry("provisioner.sandbox.clients[3].client-secret", "reader-secret"),
            Map.entry("provisioner.sandbox.clients[3].roles", "Group.Create,User.Read.All")));
    private final String token = sandbox.graphToken();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void createGroupExample1Answers201WithTheGroupAndGraphsDirectoryLocation() {
        EntityExchangeResult<String> result = GraphCalls.post(sandbox, token, "/groups", LIBRARY)
                .expectStatus().isCreated()
                .expectHeader().valueMatches("request-id", GraphCalls.UUID)
                .expectBody(String.class).returnResult();
        JsonNode group = RunningSandbox.json(result.getResponseBody());

        String id = group.get("id").stringValue();
        assertThat(id).matches(GraphCalls.UUID);
        assertThat(result.getResponseHeaders().getFirst(HttpHeaders.LOCATION)).isEqualTo(
                "https://graph.microsoft.com/v2/sandbox-tenant/directoryObjects/" + id + "/Microsoft.DirectoryServices.Group");
        assertThat(group.get("@odata.context").stringValue())
                .isEqualTo("https://graph.microsoft.com/v1.0/$metadata#groups/$entity");
        assertThat(group.get("@odata.id").stringValue()).isEqualTo(result.getResponseHeaders().getFirst(HttpHeaders.LOCATION));
        assertThat(group.get("displayName").stringValue()).isEqualTo("Library Assist");
        assertThat(group.get("description").stringValue()).isEqualTo("Self help community for library");
        assertThat(group.get("mailNickname").stringValue()).isEqualTo("library");
        assertThat(group.get("mail").stringValue()).isEqualTo("library@contoso.onmicrosoft.com");
        assertThat(group.at("/proxyAddresses/0").stringValue()).isEqualTo("SMTP:library@contoso.onmicrosoft.com");
        assertThat(group.at("/groupTypes/0").stringValue()).isEqualTo("Unified");
        assertThat(group.get("mailEnabled").booleanValue()).isTrue();
        assertThat(group.get("securityEnabled").booleanValue()).isFalse();
        assertThat(group.get("visibility").stringValue()).as("Graph's default for a Microsoft 365 group").isEqualTo("Public");
        assertThat(group.get("createdDateTime").stringValue()).isEqualTo("2026-03-02T09:00:00Z");
        assertThat(group.get("resourceProvisioningOptions").isEmpty()).isTrue();
    }

    @Test
    void ownersAndMembersAreBoundByUserUrlsAndListedOnTheGroup() {
        String body = """
                {
                  "displayName": "Operations",
                  "groupTypes": ["Unified"],
                  "mailEnabled": true,
                  "mailNickname": "operations2026",
                  "securityEnabled": false,
                  "visibility": "Private",
                  "owners@odata.bind": ["https://graph.microsoft.com/v1.0/users/a11ce000-0000-4000-8000-000000000001"],
                  "members@odata.bind": [
                    "https://graph.microsoft.com/v1.0/directoryObjects/b0b00000-0000-4000-8000-000000000002",
                    "https://graph.microsoft.com/v1.0/users('carol@contoso.com')",
                    "https://graph.microsoft.com/v1.0/users/B0B00000-0000-4000-8000-000000000002"
                  ]
                }
                """;
        String id = GraphCalls.createGroup(sandbox, token, body).get("id").stringValue();

        JsonNode owners = GraphCalls.json(GraphCalls.get(sandbox, token, "/groups/" + id + "/owners"), 200);
        assertThat(owners.get("@odata.context").stringValue())
                .isEqualTo("https://graph.microsoft.com/v1.0/$metadata#directoryObjects");
        assertThat(ids(owners)).containsExactly(DefaultDirectory.ALICE);
        assertThat(owners.at("/value/0/@odata.type").stringValue()).isEqualTo("#microsoft.graph.user");
        assertThat(owners.at("/value/0/userPrincipalName").stringValue()).isEqualTo("alice@contoso.com");
        JsonNode members = GraphCalls.json(GraphCalls.get(sandbox, token, "/groups('" + id + "')/members"), 200);
        assertThat(ids(members)).as("bob once, though bound twice").containsExactly(DefaultDirectory.BOB, DefaultDirectory.CAROL);

        JsonNode state = sandbox.state().at("/groups/0");
        assertThat(state.get("id").stringValue()).isEqualTo(id);
        assertThat(state.get("mailNickname").stringValue()).isEqualTo("operations2026");
        assertThat(state.get("visibility").stringValue()).isEqualTo("Private");
        assertThat(state.at("/owners/0").stringValue()).isEqualTo(DefaultDirectory.ALICE);
        assertThat(state.get("members").size()).isEqualTo(2);
        assertThat(state.get("createdDateTime").stringValue()).isEqualTo(RunningSandbox.START.toString());
        assertThat(state.get("hasTeam").booleanValue()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"library", "LIBRARY", "Library"})
    void mailNicknameMustBeUniqueIgnoringCase(String nickname) {
        GraphCalls.createGroup(sandbox, token, LIBRARY);

        JsonNode error = GraphCalls.error(GraphCalls.post(sandbox, token, "/groups",
                LIBRARY.replace("\"library\"", "\"" + nickname + "\"")), 400, "Request_BadRequest");

        assertThat(error.get("message").stringValue())
                .isEqualTo("Another object with the same value for property mailNickname already exists.");
        assertThat(sandbox.state().get("groups").size()).isEqualTo(1);
    }

    static Stream<Arguments> invalidMailNicknames() {
        List<Arguments> cases = new ArrayList<>();
        for (char c : "@()\\[]\";:<>,".toCharArray()) {
            String escaped = c == '"' || c == '\\' ? "\\" + c : String.valueOf(c);
            cases.add(Arguments.of("lib" + escaped + "rary", "'" + c + "' at position 3"));
        }
        cases.add(Arguments.of("lib rary", "'SPACE' at position 3"));
        cases.add(Arguments.of("équipe", "'é' at position 0"));
        cases.add(Arguments.of("tab\\tbed", "position 3"));
        cases.add(Arguments.of("x".repeat(65), "at most 64 characters long; it has 65"));
        cases.add(Arguments.of("", "must not be empty"));
        return cases.stream();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalidMailNicknames")
    void mailNicknameWithACharacterGraphForbidsIsABadRequest(String nickname, String reason) {
        JsonNode error = GraphCalls.error(GraphCalls.post(sandbox, token, "/groups",
                LIBRARY.replace("\"library\"", "\"" + nickname + "\"")), 400, "Request_BadRequest");

        assertThat(error.get("message").stringValue())
                .startsWith("Invalid value specified for property 'mailNickname' of resource 'Group'.")
                .contains(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"team.alpha", "o'brien-team", "a/b_c+d", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void mailNicknameWithAllowedCharactersIsAccepted(String nickname) {
        JsonNode group = GraphCalls.createGroup(sandbox, token, LIBRARY.replace("\"library\"", "\"" + nickname + "\""));

        assertThat(group.get("mailNickname").stringValue()).isEqualTo(nickname);
    }

    @ParameterizedTest
    @ValueSource(strings = {"displayName", "mailEnabled", "mailNickname", "securityEnabled"})
    void eachRequiredPropertyOfCreateGroupIsRequired(String property) {
        ObjectNode body = (ObjectNode) SandboxJson.read(LIBRARY);
        body.remove(property);

        JsonNode error = GraphCalls.error(GraphCalls.post(sandbox, token, "/groups", SandboxJson.write(body)), 400,
                "Request_BadRequest");

        assertThat(error.get("message").stringValue()).isEqualTo("Invalid value specified for property '" + property
                + "' of resource 'Group'. It is required.");
    }

    @Test
    void displayNameIsAtMost256Characters() {
        GraphCalls.createGroup(sandbox, token, LIBRARY.replace("Library Assist", "n".repeat(256)));

        JsonNode error = GraphCalls.error(GraphCalls.post(sandbox, token, "/groups",
                LIBRARY.replace("Library Assist", "n".repeat(257)).replace("\"library\"", "\"other\"")), 400,
                "Request_BadRequest");
        assertThat(error.get("message").stringValue()).contains("'displayName'").contains("257");
    }

    @Test
    void securityGroupIsCreatedWithoutMail() {
        JsonNode group = GraphCalls.createGroup(sandbox, token, """
                {"displayName": "Operations group", "groupTypes": [], "mailEnabled": false,
                 "mailNickname": "operations2019", "securityEnabled": true}
                """);

        assertThat(group.get("groupTypes").isEmpty()).isTrue();
        assertThat(group.get("mail").isNull()).isTrue();
        assertThat(group.get("visibility").isNull()).isTrue();
        assertThat(group.get("securityEnabled").booleanValue()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(quoteCharacter = '`', textBlock = """
            `"groupTypes": ["Unified"], "mailEnabled": false, "securityEnabled": false`, always mail-enabled
            `"groupTypes": [], "mailEnabled": true, "securityEnabled": true`,            mail-enabled security groups
            `"groupTypes": [], "mailEnabled": false, "securityEnabled": false`,          mail-enabled security groups
            `"groupTypes": ["DynamicMembership"], "mailEnabled": false, "securityEnabled": true`, not supported
            `"groupTypes": "Unified", "mailEnabled": true, "securityEnabled": false`,    dynamic membership
            `"groupTypes": ["Unified"], "mailEnabled": "yes", "securityEnabled": false`, true or false
            """)
    void groupKindsGraphCannotCreateAreBadRequests(String kind, String reason) {
        JsonNode error = GraphCalls.error(GraphCalls.post(sandbox, token, "/groups",
                "{\"displayName\": \"Odd\", \"mailNickname\": \"odd\", " + kind + "}"), 400, "Request_BadRequest");

        assertThat(error.get("message").stringValue()).contains(reason);
    }

    @Test
    void moreThan20OwnersAndMembersInTheCreateCallIsABadRequest() {
        String twenty = binds(10, DefaultDirectory.ALICE) + "], \"members@odata.bind\": [" + binds(10, DefaultDirectory.BOB);
        GraphCalls.createGroup(sandbox, token, withBinds(twenty, "twenty"));

        String twentyOne = binds(11, DefaultDirectory.ALICE) + "], \"members@odata.bind\": [" + binds(10, DefaultDirectory.BOB);
        JsonNode error = GraphCalls.error(GraphCalls.post(sandbox, token, "/groups", withBinds(twentyOne, "twentyone")), 400,
                "Request_BadRequest");

        assertThat(error.get("message").stringValue()).contains("maximum of 20 relationships")
                .contains("11 owners@odata.bind and 10 members@odata.bind");
    }

    @Test
    void boundUserThatDoesNotExistIsResourceNotFound() {
        JsonNode error = GraphCalls.error(GraphCalls.post(sandbox, token, "/groups",
                GraphCalls.unifiedGroup("Ghosts", "ghosts", "00000000-0000-4000-8000-00000000dead")), 404,
                "Request_ResourceNotFound");

        assertThat(error.get("message").stringValue()).isEqualTo("Resource '00000000-0000-4000-8000-00000000dead' does not"
                + " exist or one of its queried reference-property objects are not present.");
        assertThat(sandbox.state().get("groups").size()).isZero();
    }

    @Test
    void bindThatIsNotAUserUrlIsABadRequest() {
        JsonNode error = GraphCalls.error(GraphCalls.post(sandbox, token, "/groups", LIBRARY.replace("\"securityEnabled\"",
                "\"owners@odata.bind\": [\"https://graph.microsoft.com/v1.0/groups/123\"], \"securityEnabled\"")), 400,
                "Request_BadRequest");

        assertThat(error.get("message").stringValue()).startsWith("Invalid object identifier 'https://graph.microsoft.com/v1.0/groups/123'");
    }

    static Stream<Arguments> filters() {
        return Stream.of(
                Arguments.of("displayName eq 'Marketing'", List.of("Marketing")),
                Arguments.of("displayName eq 'MARKETING'", List.of("Marketing")),
                Arguments.of("displayName eq 'O''Brien''s team'", List.of("O'Brien's team")),
                Arguments.of("DisplayName  eq  'Sales' ", List.of("Sales")),
                Arguments.of("mailNickname eq 'obrienteam'", List.of("O'Brien's team")),
                Arguments.of("mailNickname eq 'SALES'", List.of("Sales")),
                Arguments.of("mailNickname eq 'Marketing'", List.of()),
                Arguments.of("displayName eq 'Nobody'", List.of()),
                Arguments.of("displayName eq ''", List.of()));
    }

    @ParameterizedTest(name = "[{index}] $filter={0}")
    @MethodSource("filters")
    void filterByDisplayNameOrMailNicknameIgnoresCaseAndUnquotesDoubledQuotes(String filter, List<String> expected) {
        createThreeGroups();

        JsonNode result = GraphCalls.json(GraphCalls.get(sandbox, token, "/groups?$filter=" + encode(filter)), 200);

        assertThat(result.get("@odata.context").stringValue()).isEqualTo("https://graph.microsoft.com/v1.0/$metadata#groups");
        assertThat(displayNames(result)).containsExactlyElementsOf(expected);
    }

    @Test
    void listWithoutFilterAnswersEveryGroupOldestFirst() {
        createThreeGroups();

        JsonNode result = GraphCalls.json(GraphCalls.get(sandbox, token, "/groups"), 200);

        assertThat(displayNames(result)).containsExactly("Marketing", "O'Brien's team", "Sales");
    }

    @ParameterizedTest
    @ValueSource(strings = {"startswith(displayName,'Mark')", "id eq 'x'", "displayName ne 'Sales'",
            "displayName eq 'a' or displayName eq 'b'", "resourceProvisioningOptions/Any(x:x eq 'Team')", "displayName"})
    void filterTheSandboxDoesNotSupportIsAnUnsupportedQuery(String filter) {
        JsonNode error = GraphCalls.error(GraphCalls.get(sandbox, token, "/groups?$filter=" + encode(filter)), 400,
                "Request_UnsupportedQuery");

        assertThat(error.get("message").stringValue()).contains(filter).contains("displayName eq '...'");
    }

    @ParameterizedTest
    @CsvSource(quoteCharacter = '`', textBlock = """
            `displayName eq 'O'Brien'`,     the string literal ends before 'Brien''
            `displayName eq 'O'Brien`,      the string literal ends before 'Brien'
            `mailNickname eq 'sales`,       the string literal is not terminated
            """)
    void malformedStringLiteralIsABadRequestThatExplainsQuoteDoubling(String filter, String problem) {
        JsonNode error = GraphCalls.error(GraphCalls.get(sandbox, token, "/groups?$filter=" + encode(filter)), 400,
                "Request_BadRequest");

        assertThat(error.get("message").stringValue()).isEqualTo("Invalid filter clause: in '" + filter + "' " + problem
                + "; write a quote inside a string literal twice ('').");
    }

    @Test
    void groupIsReadableAtOnceInBothKeyForms() {
        String id = GraphCalls.createGroup(sandbox, token, LIBRARY).get("id").stringValue();

        assertThat(GraphCalls.json(GraphCalls.get(sandbox, token, "/groups/" + id), 200).get("mailNickname").stringValue())
                .isEqualTo("library");
        assertThat(GraphCalls.json(GraphCalls.get(sandbox, token, "/groups('" + id.toUpperCase() + "')"), 200)
                .get("id").stringValue()).isEqualTo(id);
    }

    @Test
    void unknownGroupIsResourceNotFound() {
        JsonNode error = GraphCalls.error(GraphCalls.get(sandbox, token, "/groups/71392b2f-1765-406e-86af-5907d9bdb2ab"),
                404, "Request_ResourceNotFound");

        assertThat(error.get("message").stringValue()).startsWith("Resource '71392b2f-1765-406e-86af-5907d9bdb2ab' does not exist");
    }

    @Test
    void deleteAnswers204AndFreesTheMailNickname() {
        String id = GraphCalls.createGroup(sandbox, token, LIBRARY).get("id").stringValue();

        GraphCalls.delete(sandbox, token, "/groups/" + id).expectStatus().isNoContent()
                .expectHeader().valueMatches("request-id", GraphCalls.UUID)
                .expectBody().isEmpty();

        GraphCalls.error(GraphCalls.get(sandbox, token, "/groups/" + id), 404, "Request_ResourceNotFound");
        GraphCalls.error(GraphCalls.delete(sandbox, token, "/groups/" + id), 404, "Request_ResourceNotFound");
        GraphCalls.createGroup(sandbox, token, LIBRARY);
    }

    @Test
    void deletingTheGroupOfATeamDeletesTheTeam() {
        String location = sandbox.createTeamLocation(token, "Doomed");
        String teamId = location.substring("/teams('".length(), location.indexOf("')"));
        sandbox.clock.advance(Duration.ofSeconds(3));
        sandbox.get(token, sandbox.graph("/teams/" + teamId)).expectStatus().isOk();

        GraphCalls.delete(sandbox, token, "/groups/" + teamId).expectStatus().isNoContent();

        sandbox.get(token, sandbox.graph("/teams/" + teamId)).expectStatus().isNotFound();
        assertThat(sandbox.state().get("teams").size()).isZero();
        assertThat(sandbox.state().get("groups").size()).isZero();
    }

    @Test
    void appWithoutAGroupPermissionCannotCreateReadOrDeleteGroups() {
        String teamCreator = sandbox.graphToken("team-creator", "creator-secret");

        assertThat(GraphCalls.error(GraphCalls.post(sandbox, teamCreator, "/groups", LIBRARY), 403,
                "Authorization_RequestDenied").get("message").stringValue()).contains("Group.Create");
        GraphCalls.error(GraphCalls.get(sandbox, teamCreator, "/groups"), 403, "Authorization_RequestDenied");
        GraphCalls.error(GraphCalls.delete(sandbox, teamCreator, "/groups/x"), 403, "Authorization_RequestDenied");
    }

    @Test
    void groupCreateAloneMayCreateGroupsButNeedsUserReadAllToBindUsers() {
        String groupCreator = sandbox.graphToken("group-creator", "group-secret");
        GraphCalls.createGroup(sandbox, groupCreator, LIBRARY);
        String withOwner = GraphCalls.unifiedGroup("Owned", "owned", DefaultDirectory.ALICE);

        assertThat(GraphCalls.error(GraphCalls.post(sandbox, groupCreator, "/groups", withOwner), 403,
                "Authorization_RequestDenied").get("message").stringValue()).contains("User.Read.All");
        GraphCalls.createGroup(sandbox, sandbox.graphToken("group-creator-reader", "reader-secret"), withOwner);
    }

    @Test
    void groupsAreCountedByRouteTemplate() {
        String id = GraphCalls.createGroup(sandbox, token, LIBRARY).get("id").stringValue();
        GraphCalls.get(sandbox, token, "/groups('" + id + "')/owners").expectStatus().isOk();
        GraphCalls.get(sandbox, token, "/users/nobody@contoso.com").expectStatus().isNotFound();

        JsonNode calls = sandbox.state().at("/counters/callsByRoute");

        assertThat(calls.get("POST /groups 201").longValue()).isEqualTo(1);
        assertThat(calls.get("GET /groups/{id}/owners 200").longValue()).isEqualTo(1);
        assertThat(calls.get("GET /users/{id} 404").longValue()).isEqualTo(1);
    }

    private void createThreeGroups() {
        GraphCalls.createGroup(sandbox, token, GraphCalls.unifiedGroup("Marketing", "mkt", DefaultDirectory.ALICE));
        sandbox.clock.advance(Duration.ofSeconds(1));
        GraphCalls.createGroup(sandbox, token, GraphCalls.unifiedGroup("O'Brien's team", "obrienteam", DefaultDirectory.OBRIEN));
        sandbox.clock.advance(Duration.ofSeconds(1));
        GraphCalls.createGroup(sandbox, token, GraphCalls.unifiedGroup("Sales", "sales", DefaultDirectory.BOB));
    }

    private static String encode(String filter) {
        return UriUtils.encodeQueryParam(filter, StandardCharsets.UTF_8);
    }

    private static String binds(int count, String userId) {
        return String.join(",", Collections.nCopies(count, "\"https://graph.microsoft.com/v1.0/users/" + userId + "\""));
    }

    private static String withBinds(String binds, String nickname) {
        return LIBRARY.replace("\"library\"", "\"" + nickname + "\"")
                .replace("\"securityEnabled\"", "\"owners@odata.bind\": [" + binds + "], \"securityEnabled\"");
    }

    private static List<String> ids(JsonNode collection) {
        List<String> ids = new ArrayList<>();
        collection.get("value").forEach(value -> ids.add(value.get("id").stringValue()));
        return ids;
    }

    private static List<String> displayNames(JsonNode collection) {
        List<String> names = new ArrayList<>();
        collection.get("value").forEach(value -> names.add(value.get("displayName").stringValue()));
        return names;
    }
}
