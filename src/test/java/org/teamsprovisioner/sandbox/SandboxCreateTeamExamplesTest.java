package org.teamsprovisioner.sandbox;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The Create team seed's examples 1-3 and 6-10, replayed as documented. The sandbox only issues
 * app-only tokens, so the delegated examples get the owner an app-only call must name; a second
 * table proves that, sent verbatim, they get the app-only 400.
 */
class SandboxCreateTeamExamplesTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final Pattern LOCATION = Pattern.compile("/teams\\('(" + UUID + ")'\\)/operations\\('(" + UUID + ")'\\)");

    private final RunningSandbox sandbox = new RunningSandbox();
    private final String token = sandbox.graphToken();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    static Stream<Arguments> appOnlyExamples() {
        return Stream.of(
                arguments(1, SeedExamples.withOwner(SeedExamples.EXAMPLE_1), "My Sample Team", "standard"),
                arguments(2, SeedExamples.EXAMPLE_2, "My Sample Team", "standard"),
                arguments(3, SeedExamples.withOwner(SeedExamples.EXAMPLE_3), "Sample Engineering Team", "standard"),
                arguments(6, SeedExamples.withOwner(SeedExamples.EXAMPLE_6), "My Class Team", "educationClass"),
                arguments(7, SeedExamples.withOwner(SeedExamples.EXAMPLE_7_JSON), "My Sample Team", null),
                arguments(8, SeedExamples.withOwner(SeedExamples.EXAMPLE_8), "My Class Team", "educationClass"),
                arguments(9, SeedExamples.withOwner(SeedExamples.EXAMPLE_9), "My Sample Team", "standard"),
                arguments(10, SeedExamples.EXAMPLE_10, "My Sample Team", "standard"));
    }

    @ParameterizedTest(name = "example {0}")
    @MethodSource("appOnlyExamples")
    void seedExampleIsAcceptedWith202LocationsAndAnEmptyBody(int example, String body, String displayName, String template) {
        EntityExchangeResult<Void> result = sandbox.createTeam(token, body)
                .expectStatus().isAccepted()
                .expectHeader().valueEquals(HttpHeaders.CONTENT_LENGTH, "0")
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectHeader().valueMatches("request-id", UUID)
                .expectBody().isEmpty();

        Matcher location = LOCATION.matcher(result.getResponseHeaders().getFirst(HttpHeaders.LOCATION));
        assertThat(location.matches()).as("Location of example %d", example).isTrue();
        assertThat(result.getResponseHeaders().getFirst(HttpHeaders.CONTENT_LOCATION))
                .isEqualTo("/teams('" + location.group(1) + "')");
        JsonNode team = sandbox.state().at("/teams/0");
        assertThat(team.get("id").stringValue()).isEqualTo(location.group(1));
        assertThat(team.get("operationId").stringValue()).isEqualTo(location.group(2));
        assertThat(team.get("displayName").stringValue()).isEqualTo(displayName);
        assertThat(team.get("template").isNull() ? null : team.get("template").stringValue()).isEqualTo(template);
    }

    static Stream<Arguments> delegatedExamples() {
        return SeedExamples.DELEGATED.entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .map(example -> arguments(example.getKey(), example.getValue()));
    }

    @ParameterizedTest(name = "example {0}")
    @MethodSource("delegatedExamples")
    void delegatedSeedExampleSentVerbatimWithAnAppOnlyTokenIsRejectedForItsMissingOwner(int example, String body) {
        JsonNode error = RunningSandbox.json(sandbox.createTeam(token, body)
                .expectStatus().isBadRequest()
                .expectBody(String.class).returnResult().getResponseBody()).get("error");

        assertThat(error.get("code").stringValue()).isEqualTo("BadRequest");
        assertThat(error.get("message").stringValue())
                .as("example %d", example)
                .contains("owner is required")
                .contains("application permissions");
        assertThat(sandbox.state().get("teams").size()).isZero();
    }

    @Test
    void example3KeepsItsChannelsTabsSettingsAndInstalledApps() {
        sandbox.createTeam(token, SeedExamples.withOwner(SeedExamples.EXAMPLE_3)).expectStatus().isAccepted();

        JsonNode team = sandbox.state().at("/teams/0");
        assertThat(team.get("visibility").stringValue()).isEqualTo("private");
        assertThat(team.get("generalChannelName").stringValue()).isEqualTo("General");
        assertThat(team.get("channels").size()).isEqualTo(4);
        assertThat(team.at("/channels/2/displayName").stringValue()).isEqualTo("Planning 📅 ");
        JsonNode tabs = team.at("/channels/1/tabs");
        assertThat(tabs.size()).isEqualTo(2);
        assertThat(tabs.at("/0/teamsAppId").stringValue()).isEqualTo("com.microsoft.teamspace.tab.web");
        assertThat(tabs.at("/0/displayName").stringValue()).isEqualTo("A Pinned Website");
        assertThat(tabs.at("/0/configuration/contentUrl").stringValue())
                .isEqualTo("https://learn.microsoft.com/microsoftteams/microsoft-teams");
        assertThat(tabs.at("/1/teamsAppId").stringValue()).isEqualTo("com.microsoft.teamspace.tab.youtube");
        assertThat(tabs.at("/1/configuration/websiteUrl").stringValue()).isEqualTo("https://www.youtube.com/watch?v=X8krAMdGvCQ");
        assertThat(team.at("/channels/0/tabs").size()).isZero();
        assertThat(team.at("/settings/memberSettings/allowDeleteChannels").booleanValue()).isTrue();
        assertThat(team.at("/settings/guestSettings/allowCreateUpdateChannels").booleanValue()).isFalse();
        // Graph answers enumerations in their documented case; the example sends "Moderate".
        assertThat(team.at("/settings/funSettings/giphyContentRating").stringValue()).isEqualTo("moderate");
        assertThat(team.at("/settings/messagingSettings/allowChannelMentions").booleanValue()).isTrue();
        assertThat(team.at("/settings/discoverySettings/showInTeamsSearchAndSuggestions").booleanValue()).isTrue();
        assertThat(team.get("installedApps").values()).extracting(JsonNode::stringValue)
                .containsExactly("com.microsoft.teamspace.tab.vsts", "1542629c-01b3-4a6d-8f76-1938b779e48d");
    }

    @Test
    void example3SettingsAreAnsweredByGetTeam() {
        String teamId = teamId(SeedExamples.withOwner(SeedExamples.EXAMPLE_3));
        sandbox.clock.advance(Duration.ofSeconds(3));

        JsonNode team = sandbox.getJson(token, sandbox.graph("/teams('" + teamId + "')"));

        assertThat(team.at("/funSettings/giphyContentRating").stringValue()).isEqualTo("moderate");
        assertThat(team.at("/memberSettings/allowCreateUpdateRemoveConnectors").booleanValue()).isTrue();
        assertThat(team.at("/guestSettings/allowDeleteChannels").booleanValue()).isFalse();
        assertThat(team.get("visibility").stringValue()).isEqualTo("private");
    }

    @Test
    void example7KeepsTheDecodedTemplateDefinition() {
        sandbox.createTeam(token, SeedExamples.withOwner(SeedExamples.EXAMPLE_7_JSON)).expectStatus().isAccepted();

        assertThat(sandbox.state().at("/teams/0/templateDefinition").stringValue())
                .isEqualTo("com.microsoft.teams.template.ManageAProject##Public##ar-SA");
    }

    /** Graph's JSON reader skips only space, tab, CR and LF, as RFC 8259 allows; so does the sandbox. */
    @Test
    void example7AsCopiedFromTheSeedIsUnreadableBecauseItIsIndentedWithNoBreakSpaces() {
        assertThat(SeedExamples.EXAMPLE_7).contains("\u00A0");

        JsonNode error = RunningSandbox.json(sandbox.createTeam(token, SeedExamples.EXAMPLE_7)
                .expectStatus().isBadRequest()
                .expectBody(String.class).returnResult().getResponseBody()).get("error");

        assertThat(error.get("code").stringValue()).isEqualTo("BadRequest");
        assertThat(error.get("message").stringValue()).startsWith("Unable to read JSON request payload");
    }

    @Test
    void example8ClassTeamIsHiddenMembershipWithItsChannelsAndApps() {
        sandbox.createTeam(token, SeedExamples.withOwner(SeedExamples.EXAMPLE_8)).expectStatus().isAccepted();

        JsonNode team = sandbox.state().at("/teams/0");
        assertThat(team.get("visibility").stringValue()).isEqualTo("hiddenMembership");
        assertThat(team.at("/channels/0/displayName").stringValue()).isEqualTo("Class Announcements 📢");
        assertThat(team.at("/channels/1/isFavoriteByDefault").booleanValue()).isTrue();
        assertThat(team.at("/settings/memberSettings/allowAddRemoveApps").booleanValue()).isFalse();
        assertThat(team.get("installedApps").size()).isEqualTo(2);
    }

    @Test
    void example9MigrationTeamIsCreatedAtTheGivenTimeWhileItsOperationRunsFromNow() {
        String teamId = teamId(SeedExamples.withOwner(SeedExamples.EXAMPLE_9));

        JsonNode state = sandbox.state().at("/teams/0");
        assertThat(state.get("teamCreationMode").stringValue()).isEqualTo("migration");
        assertThat(state.get("createdDateTime").stringValue()).isEqualTo("2020-03-14T11:22:17.067Z");
        assertThat(state.get("status").stringValue()).isEqualTo("notStarted");

        sandbox.clock.advance(Duration.ofSeconds(3));
        JsonNode team = sandbox.getJson(token, sandbox.graph("/teams/" + teamId));
        assertThat(team.get("createdDateTime").stringValue()).isEqualTo("2020-03-14T11:22:17.067Z");
    }

    private String teamId(String body) {
        String location = sandbox.createTeam(token, body).expectStatus().isAccepted()
                .returnResult(Void.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);
        Matcher matcher = LOCATION.matcher(location);
        assertThat(matcher.matches()).as(location).isTrue();
        return matcher.group(1);
    }
}
