package org.teamsprovisioner.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;
import org.teamsprovisioner.sandbox.http.SandboxJson;
import org.teamsprovisioner.sandbox.settings.DefaultDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every documented Create team rule and its edges, one row each, against seed example 2 (the
 * app-only minimal request) with one thing changed. Rejections are Graph's 400 BadRequest with a
 * message naming the offending property or value.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxCreateTeamRulesTest {

    private static final String CLASS_TEMPLATE = "https://graph.microsoft.com/v1.0/teamsTemplates('educationClass')";
    private static final String DEFINITION = "https://graph.microsoft.com/beta/teamwork/teamTemplates/"
            + "com.microsoft.teams.template.ManageAProject/definitions/";
    private static final String APP = "https://graph.microsoft.com/v1.0/appCatalogs/teamsApps('com.microsoft.teamspace.tab.web')";

    // One sandbox for 130 rows on a stopped clock: throttling would answer 429 after the bucket's 100 creates.
    private final RunningSandbox sandbox = new RunningSandbox(Map.of("provisioner.sandbox.throttling.enabled", "false"));
    private final String token = sandbox.graphToken();

    @AfterAll
    void stop() {
        sandbox.close();
    }

    static Stream<Arguments> rejected() {
        List<Arguments> rows = new ArrayList<>(List.of(
                // Templates (seed examples 1, 6, 7)
                row("both template binds", team(b -> b.put("templateDefinition@odata.bind", DEFINITION + base64(
                        "com.microsoft.teams.template.ManageAProject##Public##en-US"))), "not both"),
                row("no template", team(b -> b.remove("template@odata.bind")), "template is required"),
                row("unknown base template", template("teamsTemplates('pirateShip')"), "'pirateShip' is not a known base template"),
                row("base template in the wrong case", template("teamsTemplates('EducationClass')"), "did you mean 'educationClass'?"),
                row("definition bind to a base template", definition("https://graph.microsoft.com/beta/teamsTemplates('standard')"),
                        "does not reference a template definition"),
                row("definition id not Base64", definition(DEFINITION + "not*base64"),
                        "not*base64' of 'templateDefinition@odata.bind' does not reference a template definition"),
                row("definition id without a locale", definition(DEFINITION + base64(
                        "com.microsoft.teams.template.ManageAProject##Public")), "{templateId}##{audience}##{locale}"),
                row("definition id of another template", definition(DEFINITION + base64(
                        "com.microsoft.teams.template.ManageAnEvent##Public##en-US")), "does not reference a template definition"),
                row("definition id with an empty template id", definition("https://graph.microsoft.com/beta/teamwork/teamTemplates"
                        + "/x/definitions/" + base64("##Public##en-US")), "does not reference a template definition"),

                // Properties the team resource does not have, and wrongly typed values
                row("unknown top-level property", team(b -> b.put("color", "blue")),
                        "The property 'color' does not exist on type 'microsoft.graph.team'"),
                row("owners@odata.bind is not a team property", team(b -> b.putArray("owners@odata.bind").add("x")),
                        "The property 'owners@odata.bind' does not exist"),
                row("read-only property", team(b -> b.put("webUrl", "https://teams.microsoft.com/x")),
                        "The property 'webUrl' is read-only"),
                row("unknown member setting", team(b -> b.putObject("memberSettings").put("allowEverything", true)),
                        "'allowEverything' does not exist on type 'microsoft.graph.teamMemberSettings' (at memberSettings.allowEverything)"),
                row("unknown guest setting", team(b -> b.putObject("guestSettings").put("allowGiphy", true)),
                        "'allowGiphy' does not exist on type 'microsoft.graph.teamGuestSettings'"),
                row("string where a boolean setting belongs", team(b -> b.putObject("funSettings").put("allowGiphy", "yes")),
                        "'funSettings.allowGiphy': expected a boolean"),
                row("number where a boolean setting belongs", team(b -> b.putObject("messagingSettings").put("allowTeamMentions", 1)),
                        "'messagingSettings.allowTeamMentions': expected a boolean"),
                row("discovery setting as a string", team(b -> b.putObject("discoverySettings")
                        .put("showInTeamsSearchAndSuggestions", "true")), "'discoverySettings.showInTeamsSearchAndSuggestions': expected a boolean"),
                row("settings that are not an object", team(b -> b.put("memberSettings", true)), "'memberSettings': expected an object"),
                row("unknown Giphy rating", team(b -> b.putObject("funSettings").put("giphyContentRating", "spicy")),
                        "'spicy' is not valid for the property 'funSettings.giphyContentRating'"),
                row("unknown channel property", channels(c -> c.addObject().put("displayName", "News").put("topic", "x")),
                        "'topic' does not exist on type 'microsoft.graph.channel' (at channels[0].topic)"),
                row("unknown tab configuration property", channels(c -> c.addObject().put("displayName", "News")
                        .putArray("tabs").addObject().put("teamsApp@odata.bind", APP).put("displayName", "Web")
                        .putObject("configuration").put("url", "https://x")),
                        "'url' does not exist on type 'microsoft.graph.teamsTabConfiguration' (at channels[0].tabs[0].configuration.url)"),
                row("unknown member property", team(b -> ((ObjectNode) b.get("members").get(0)).put("email", "a@b")),
                        "'email' does not exist on type 'microsoft.graph.aadUserConversationMember' (at members[0].email)"),
                row("channels that are not an array", team(b -> b.put("channels", "News")), "'channels': expected an array of objects"),
                row("favorite flag as a string", channels(c -> c.addObject().put("displayName", "News").put("isFavoriteByDefault", "yes")),
                        "'channels[0].isFavoriteByDefault': expected a boolean"),

                // The team's own properties
                row("blank display name", team(b -> b.put("displayName", "   ")), "'displayName' is required"),
                row("display name of 257 characters", team(b -> b.put("displayName", "n".repeat(257))), "at most 256 characters long; it has 257"),
                row("description of 1025 characters", team(b -> b.put("description", "d".repeat(1025))), "at most 1024 characters long; it has 1025"),
                row("unknown visibility", team(b -> b.put("visibility", "secret")), "'secret' is not valid for the property 'visibility'"),
                row("hiddenMembership outside class teams", team(b -> b.put("visibility", "hiddenMembership")),
                        "'hiddenMembership' is only available to class teams"),
                row("unknown specialization", team(b -> b.put("specialization", "pirates")), "'pirates' is not valid for the property 'specialization'"),

                // Channels (Limits and specifications for Microsoft Teams, channel resource)
                row("channel name of 51 characters", channel("c".repeat(51)), "is 51 characters long; channel names have at most 50"),
                row("channel name with '..'", channel("v1..2"), "contains '..'"),
                row("channel name starting with '_'", channel("_drafts"), "starts with '_'"),
                row("channel name starting with '.'", channel(".hidden"), "starts with '.'"),
                row("channel name ending with '.'", channel("Notes."), "ends with a period"),
                row("channel name with a C0 control character", channel("Bell\u0007"), "control character U+0007"),
                row("channel name with a C1 control character", channel("Next\u0085Line"), "control character U+0085"),
                row("channel name containing _vti_", channel("my_vti_folder"), "contains '_vti_'"),
                row("channel name in lower case of a reserved word", channel("con"), "'con' (channels[0].displayName) is a reserved word"),
                row("channel without a name", channels(c -> c.addObject().put("description", "Nameless")),
                        "'channels[0].displayName' is required"),
                row("channel names that differ only in case", channels(c -> {
                    c.addObject().put("displayName", "Planning");
                    c.addObject().put("displayName", "PLANNING");
                }), "'PLANNING' (channels[1].displayName) is already used by channels[0] ('Planning')"),
                row("channel named like the General channel", channel("general"), "is already used by the General channel"),
                row("channel named like the renamed General channel", team(b -> {
                    b.put("firstChannelName", "Lobby");
                    b.putArray("channels").addObject().put("displayName", "lobby");
                }), "'lobby' (channels[0].displayName) is already used by the General channel"),
                row("channel description of 1025 characters", channels(c -> c.addObject().put("displayName", "News")
                        .put("description", "d".repeat(1025))), "'channels[0].description' must be at most 1024 characters long; it has 1025"),
                row("private channel in Create team", channels(c -> c.addObject().put("displayName", "Board")
                        .put("membershipType", "private")), "'channels[0].membershipType' is 'private'"),
                row("1000 channels besides General", channels(c -> IntStream.range(0, 1000)
                        .forEach(i -> c.addObject().put("displayName", "Channel " + i))), "at most 1000 channels"),

                // Tabs and installed apps (seed examples 3, 5, 8)
                row("tab without an app", tab(t -> t.put("displayName", "Web")), "'channels[0].tabs[0].teamsApp@odata.bind' is required"),
                row("tab bound to something else than a catalog app", tab(t -> t.put("displayName", "Web")
                        .put("teamsApp@odata.bind", "https://graph.microsoft.com/v1.0/users('x')")), "must address one app of the catalog"),
                row("tab without a name", tab(t -> t.put("teamsApp@odata.bind", APP)), "'channels[0].tabs[0].displayName' is required"),
                row("installed app bound to a template", team(b -> b.putArray("installedApps").addObject()
                        .put("teamsApp@odata.bind", "https://graph.microsoft.com/v1.0/teamsTemplates('standard')")),
                        "'installedApps[0].teamsApp@odata.bind' must address one app of the catalog"),
                row("installed app without a bind", team(b -> b.putArray("installedApps").addObject()),
                        "'installedApps[0].teamsApp@odata.bind' is required"),

                // firstChannelName names the General channel: the same rules
                row("first channel name with '&'", team(b -> b.put("firstChannelName", "Q&A")), "'Q&A' (firstChannelName) contains the character '&'"),
                row("first channel name of 51 characters", team(b -> b.put("firstChannelName", "f".repeat(51))), "is 51 characters long"),
                row("blank first channel name", team(b -> b.put("firstChannelName", "")), "'firstChannelName' is required"),

                // Members (seed examples 2 and 10)
                row("member of another type", member(m -> m.put("@odata.type", "#microsoft.graph.conversationMember")),
                        "#microsoft.graph.conversationMember"),
                row("member without a user", member(m -> m.remove("user@odata.bind")), "'user@odata.bind'"),
                row("member role 'member'", member(m -> m.putArray("roles").add("member")), "The role 'member' of members[0] is not valid"),
                row("guest without an owner", member(m -> m.putArray("roles").add("guest")), "owner is required"),
                row("no members", team(b -> b.remove("members")), "owner is required"),

                // Migration mode (seed example 9 and its error reasons)
                row("unknown creation mode", migration(b -> b.put("@microsoft.graph.teamCreationMode", "import")),
                        "'import' is not valid for the instance attribute '@microsoft.graph.teamCreationMode'"),
                row("createdDateTime without the creation mode", migration(b -> b.remove("@microsoft.graph.teamCreationMode")),
                        "teamCreationMode instance attribute is missing"),
                row("migration without createdDateTime", migration(b -> b.remove("createdDateTime")),
                        "migration mode needs 'createdDateTime'"),
                row("createdDateTime that is not ISO-8601", migration(b -> b.put("createdDateTime", "14/03/2020")),
                        "'14/03/2020' of 'createdDateTime' is not an ISO-8601"),
                row("createdDateTime without an offset", migration(b -> b.put("createdDateTime", "2020-03-14T11:22:17")),
                        "is not an ISO-8601 date and time with an offset"),
                row("createdDateTime in the future", migration(b -> b.put("createdDateTime", "2026-03-02T09:00:01.250Z")),
                        "'createdDateTime' 2026-03-02T09:00:01.250Z is in the future (it is now 2026-03-02T09:00:00.250Z)"),
                row("migration with the class template", migration(b -> b.put("template@odata.bind", CLASS_TEMPLATE)),
                        "only support the standard template; the request uses 'educationClass'"),
                row("migration with a template definition", migration(b -> {
                    b.remove("template@odata.bind");
                    b.put("templateDefinition@odata.bind", DEFINITION + base64("com.microsoft.teams.template.ManageAProject##Public##ar-SA"));
                }), "the request uses a template definition")));

        for (char c : "~#%&*{}+/\\:<>?|'\",".toCharArray()) {
            rows.add(row("channel name with '" + c + "'", channel("Q" + c + "A"), "contains the character '" + c + "'"));
        }
        List<String> reserved = new ArrayList<>(List.of("forms", "CON", "CONIN$", "CONOUT$", "PRN", "AUX", "NUL", "desktop.ini"));
        IntStream.rangeClosed(1, 9).forEach(n -> reserved.addAll(List.of("COM" + n, "LPT" + n)));
        reserved.forEach(word -> rows.add(row("reserved channel name " + word, channel(word), "'" + word + "' (channels[0].displayName) is a reserved word")));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void createTeamIsRejectedWithAMessageNamingTheProblem(String scenario, String body, String expectedMessage) {
        JsonNode error = RunningSandbox.json(sandbox.createTeam(token, body)
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody(String.class).returnResult().getResponseBody()).get("error");

        assertThat(error.get("code").stringValue()).isEqualTo("BadRequest");
        assertThat(error.get("message").stringValue()).as(scenario).contains(expectedMessage);
        assertThat(error.at("/innerError/request-id").stringValue()).isNotBlank();
    }

    static Stream<Arguments> accepted() {
        return Stream.of(
                row("channel name of exactly 50 characters", channel("c".repeat(50))),
                row("channel name of 50 characters counted as .NET does (an emoji is two)", channel("c".repeat(48) + "📢")),
                row("channel description of exactly 1024 characters", channels(c -> c.addObject().put("displayName", "News")
                        .put("description", "d".repeat(1024)))),
                row("display name of exactly 256 characters", team(b -> b.put("displayName", "n".repeat(256)))),
                row("team description of exactly 1024 characters", team(b -> b.put("description", "d".repeat(1024)))),
                row("reserved words inside longer names", channels(c -> {
                    c.addObject().put("displayName", "Conference");
                    c.addObject().put("displayName", "Platforms");
                    c.addObject().put("displayName", "COM10");
                })),
                row("single periods, emoji and a trailing space", channels(c -> {
                    c.addObject().put("displayName", "Release v1.2");
                    c.addObject().put("displayName", "Planning 📅 ");
                })),
                row("General is free when firstChannelName renames the first channel", team(b -> {
                    b.put("firstChannelName", "Lobby");
                    b.putArray("channels").addObject().put("displayName", "General");
                })),
                row("999 channels besides General", channels(c -> IntStream.range(0, 999)
                        .forEach(i -> c.addObject().put("displayName", "Channel " + i)))),
                row("enumerations in any case", team(b -> {
                    b.put("visibility", "PUBLIC");
                    b.put("specialization", "EDUCATIONSTANDARD");
                    b.putObject("funSettings").put("giphyContentRating", "STRICT");
                })),
                row("hiddenMembership for a class team", team(b -> {
                    b.put("template@odata.bind", CLASS_TEMPLATE);
                    b.put("visibility", "hiddenMembership");
                })),
                row("owner role in another case, plain members and guests", team(b -> {
                    ((ObjectNode) b.get("members").get(0)).putArray("roles").add("Owner");
                    ArrayNode members = (ArrayNode) b.get("members");
                    members.addObject().put("@odata.type", "#microsoft.graph.aadUserConversationMember")
                            .put("user@odata.bind", "https://graph.microsoft.com/v1.0/users('bob@contoso.com')")
                            .putArray("roles");
                    members.addObject().put("@odata.type", "#microsoft.graph.aadUserConversationMember")
                            .put("user@odata.bind", "https://graph.microsoft.com/v1.0/users('" + DefaultDirectory.GUEST + "')")
                            .putArray("roles").add("guest");
                })),
                row("OData type annotations, unknown instance annotations and nulls", team(b -> {
                    b.put("@odata.type", "#microsoft.graph.team");
                    b.put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#teams/$entity");
                    b.putNull("webUrl");
                    b.putNull("classification");
                    b.putObject("memberSettings").put("@odata.type", "#microsoft.graph.teamMemberSettings")
                            .put("allowCreatePrivateChannels", false);
                })),
                row("tab in the path form of the bind, without configuration", tab(t -> t.put("displayName", "Web")
                        .put("teamsApp@odata.bind", "https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/com.microsoft.teamspace.tab.web"))),
                row("standard channel type spelled out", channels(c -> c.addObject().put("displayName", "News")
                        .put("membershipType", "standard"))),
                row("migration team created at this very instant", migration(b -> b.put("createdDateTime", "2026-03-02T09:00:00.250Z"))),
                row("migration createdDateTime with another offset", migration(b -> b.put("createdDateTime", "2026-03-02T10:00:00.250+01:00"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void createTeamAcceptsTheEdge(String scenario, String body) {
        sandbox.createTeam(token, body).expectStatus().isAccepted();
    }

    @Test
    void anAppWithOnlyTeamworkMigrateAllMayCreateMigrationTeamsOnly() {
        try (RunningSandbox migrator = new RunningSandbox(Map.of(
                "provisioner.sandbox.clients[0].client-id", "migrator",
                "provisioner.sandbox.clients[0].client-secret", "migrator-secret",
                "provisioner.sandbox.clients[0].roles", "Teamwork.Migrate.All"))) {
            String migratorToken = migrator.graphToken("migrator", "migrator-secret");

            JsonNode error = RunningSandbox.json(migrator.createTeam(migratorToken, SeedExamples.EXAMPLE_2)
                    .expectStatus().isForbidden()
                    .expectBody(String.class).returnResult().getResponseBody()).get("error");
            assertThat(error.get("code").stringValue()).isEqualTo("Authorization_RequestDenied");
            assertThat(error.get("message").stringValue()).contains("Teamwork.Migrate.All is only supported for migration")
                    .contains("Team.Create");

            migrator.createTeam(migratorToken, SeedExamples.withOwner(SeedExamples.EXAMPLE_9)).expectStatus().isAccepted();
        }
    }

    @Test
    void theFirstBrokenRuleInTheDocumentedOrderIsReported() {
        // Unknown template, blank name, bad channel and no owner at once: the template comes first.
        String body = team(b -> {
            b.put("template@odata.bind", "https://graph.microsoft.com/v1.0/teamsTemplates('pirateShip')");
            b.put("displayName", "");
            b.putArray("channels").addObject().put("displayName", "Q&A");
            b.remove("members");
        });
        assertThat(message(body)).contains("'pirateShip'");
        // Unknown properties are found while reading the body, before any rule.
        assertThat(message(team(b -> {
            b.put("template@odata.bind", "https://graph.microsoft.com/v1.0/teamsTemplates('pirateShip')");
            b.put("colour", "blue");
        }))).contains("'colour' does not exist");
    }

    private String message(String body) {
        return RunningSandbox.json(sandbox.createTeam(token, body).expectStatus().isBadRequest()
                .expectBody(String.class).returnResult().getResponseBody()).at("/error/message").stringValue();
    }

    private static Arguments row(String scenario, String body, String expectedMessage) {
        return arguments(scenario, body, expectedMessage);
    }

    private static Arguments row(String scenario, String body) {
        return arguments(scenario, body);
    }

    /** Seed example 2 (app-only, with an owner) changed by {@code change}. */
    private static String team(Consumer<ObjectNode> change) {
        ObjectNode body = (ObjectNode) SandboxJson.read(SeedExamples.EXAMPLE_2);
        change.accept(body);
        return SandboxJson.write(body);
    }

    private static String template(String path) {
        return team(b -> b.put("template@odata.bind", "https://graph.microsoft.com/v1.0/" + path));
    }

    private static String definition(String bind) {
        return team(b -> {
            b.remove("template@odata.bind");
            b.put("templateDefinition@odata.bind", bind);
        });
    }

    private static String channels(Consumer<ArrayNode> change) {
        return team(b -> change.accept(b.putArray("channels")));
    }

    private static String channel(String displayName) {
        return channels(c -> c.addObject().put("displayName", displayName));
    }

    private static String tab(Consumer<ObjectNode> change) {
        return channels(c -> change.accept(c.addObject().put("displayName", "Links").putArray("tabs").addObject()));
    }

    private static String member(Consumer<ObjectNode> change) {
        return team(b -> change.accept((ObjectNode) b.get("members").get(0)));
    }

    /** Seed example 9 (migration mode) with an owner, changed by {@code change}. */
    private static String migration(Consumer<ObjectNode> change) {
        ObjectNode body = (ObjectNode) SandboxJson.read(SeedExamples.withOwner(SeedExamples.EXAMPLE_9));
        change.accept(body);
        return SandboxJson.write(body);
    }

    private static String base64(String text) {
        return java.util.Base64.getEncoder().encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
