package org.teamsprovisioner.sandbox;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teamsprovisioner.sandbox.settings.DefaultDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/** Create team as the graph-create-team seed documents it, with the seed's own example bodies. */
class SandboxCreateTeamHttpTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final Pattern LOCATION = Pattern.compile("/teams\\('(" + UUID + ")'\\)/operations\\('(" + UUID + ")'\\)");

    private final RunningSandbox sandbox = new RunningSandbox();
    private final String token = sandbox.graphToken();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void createTeamAnswers202WithOdataKeyLocationsAndAnEmptyBody() {
        EntityExchangeResult<Void> result = sandbox.createTeam(token, SeedExamples.EXAMPLE_2)
                .expectStatus().isAccepted()
                .expectHeader().valueEquals(HttpHeaders.CONTENT_LENGTH, "0")
                .expectHeader().doesNotExist(HttpHeaders.TRANSFER_ENCODING)
                // As documented: a JSON content type on an empty body, which clients must not decode.
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectHeader().valueMatches("request-id", UUID)
                .expectBody().isEmpty();

        HttpHeaders headers = result.getResponseHeaders();
        Matcher location = LOCATION.matcher(headers.getFirst(HttpHeaders.LOCATION));
        assertThat(location.matches()).as("Location %s", headers.getFirst(HttpHeaders.LOCATION)).isTrue();
        String teamId = location.group(1);
        assertThat(location.group(2)).isNotEqualTo(teamId);
        assertThat(headers.getFirst(HttpHeaders.CONTENT_LOCATION)).isEqualTo("/teams('" + teamId + "')");

        JsonNode team = sandbox.state().get("teams").get(0);
        assertThat(team.get("id").stringValue()).isEqualTo(teamId);
        assertThat(team.get("operationId").stringValue()).isEqualTo(location.group(2));
        assertThat(team.get("displayName").stringValue()).isEqualTo("My Sample Team");
        assertThat(team.get("status").stringValue()).isEqualTo("notStarted");
    }

    @Test
    void example1WithoutMembersIsRejectedForAppOnlyTokensBecauseAnOwnerIsRequired() {
        JsonNode error = badRequest(sandbox.createTeam(token, SeedExamples.EXAMPLE_1));

        assertThat(error.get("message").stringValue())
                .contains("owner is required")
                .contains("application permissions");
        assertThat(sandbox.state().get("teams").size()).isZero();
    }

    @Test
    void example10NamesTheOwnerByUserPrincipalNameAndTheTeamStoresTheObjectId() {
        sandbox.createTeam(token, SeedExamples.EXAMPLE_10).expectStatus().isAccepted();

        assertThat(sandbox.state().at("/teams/0/owners/0").stringValue()).isEqualTo(DefaultDirectory.JACOB);
    }

    @Test
    void example2NamesTheOwnerByObjectId() {
        sandbox.createTeam(token, SeedExamples.EXAMPLE_2).expectStatus().isAccepted();

        assertThat(sandbox.state().at("/teams/0/owners/0").stringValue())
                .isEqualTo("0040b377-61d8-43db-94f5-81374122dc7e");
    }

    @Test
    void aMemberWhoIsNotAnOwnerDoesNotSatisfyTheOwnerRule() {
        JsonNode error = badRequest(sandbox.createTeam(token, SeedExamples.EXAMPLE_2.replace("\"owner\"", "\"guest\"")));

        assertThat(error.get("message").stringValue()).contains("owner is required");
    }

    @Test
    void channelsAreStoredWithNameDescriptionAndFavoriteFlag() {
        String body = """
                {
                  "template@odata.bind": "https://graph.microsoft.com/v1.0/teamsTemplates('educationClass')",
                  "displayName": "My Class Team",
                  "visibility": "Private",
                  "channels": [
                    {"displayName": "Class Announcements 📢", "isFavoriteByDefault": true, "description": "News"},
                    {"displayName": "Homework 🏋️"}
                  ],
                  "memberSettings": {"allowCreateUpdateChannels": false},
                  "members": [{
                    "@odata.type": "#microsoft.graph.aadUserConversationMember",
                    "roles": ["owner"],
                    "user@odata.bind": "https://graph.microsoft.com/v1.0/users('o''brien@contoso.com')"
                  }]
                }
                """;
        sandbox.createTeam(token, body).expectStatus().isAccepted();

        JsonNode team = sandbox.state().get("teams").get(0);
        assertThat(team.get("template").stringValue()).isEqualTo("educationClass");
        assertThat(team.at("/owners/0").stringValue()).isEqualTo(DefaultDirectory.OBRIEN);
        assertThat(team.at("/channels/0/displayName").stringValue()).isEqualTo("Class Announcements 📢");
        assertThat(team.at("/channels/0/description").stringValue()).isEqualTo("News");
        assertThat(team.at("/channels/0/isFavoriteByDefault").booleanValue()).isTrue();
        assertThat(team.at("/channels/1/displayName").stringValue()).isEqualTo("Homework 🏋️");
        assertThat(team.at("/channels/1/isFavoriteByDefault").isNull()).isTrue();
    }

    @Test
    void templateDefinitionBindIsAnAlternativeToTemplateBind() {
        String body = SeedExamples.EXAMPLE_2.replace("\"template@odata.bind\":\"https://graph.microsoft.com/beta/teamsTemplates('standard')\"",
                "\"templateDefinition@odata.bind\": \"https://graph.microsoft.com/beta/teamwork/teamTemplates/"
                        + "com.microsoft.teams.template.ManageAProject/definitions/"
                        + "Y29tLm1pY3Jvc29mdC50ZWFtcy50ZW1wbGF0ZS5NYW5hZ2VBUHJvamVjdCMjUHVibGljIyNhci1TQQ==\"");
        assertThat(body).doesNotContain("teamsTemplates");

        sandbox.createTeam(token, body).expectStatus().isAccepted();
    }

    @Test
    void unknownTemplateIsABadRequest() {
        JsonNode error = badRequest(sandbox.createTeam(token, SeedExamples.EXAMPLE_2.replace("'standard'", "'pirateShip'")));

        assertThat(error.get("message").stringValue()).contains("'pirateShip'").contains("educationClass");
    }

    @Test
    void bothTemplateBindingsAtOnceIsABadRequest() {
        String body = SeedExamples.EXAMPLE_2.replace("\"displayName\"",
                "\"templateDefinition@odata.bind\": \"https://graph.microsoft.com/beta/teamwork/teamTemplates/x/definitions/y\", \"displayName\"");

        assertThat(badRequest(sandbox.createTeam(token, body)).get("message").stringValue()).contains("not both");
    }

    @Test
    void missingTemplateIsABadRequest() {
        String body = SeedExamples.EXAMPLE_2.replace("\"template@odata.bind\":\"https://graph.microsoft.com/beta/teamsTemplates('standard')\",", "");

        assertThat(badRequest(sandbox.createTeam(token, body)).get("message").stringValue())
                .contains("template is required");
    }

    @Test
    void missingDisplayNameIsABadRequest() {
        String body = SeedExamples.EXAMPLE_2.replace("\"displayName\":\"My Sample Team\",", "");

        assertThat(badRequest(sandbox.createTeam(token, body)).get("message").stringValue()).contains("'displayName'");
    }

    @Test
    void descriptionLongerThan1024CharactersIsABadRequest() {
        sandbox.createTeam(token, SeedExamples.EXAMPLE_2.replace("My Sample Team’s Description", "d".repeat(1024)))
                .expectStatus().isAccepted();

        JsonNode error = badRequest(sandbox.createTeam(token,
                SeedExamples.EXAMPLE_2.replace("My Sample Team’s Description", "d".repeat(1025))));
        assertThat(error.get("message").stringValue()).contains("1024").contains("1025");
    }

    @Test
    void wronglyTypedPropertyIsABadRequest() {
        JsonNode error = badRequest(sandbox.createTeam(token, SeedExamples.EXAMPLE_2.replace("\"My Sample Team\"", "42")));

        assertThat(error.get("message").stringValue()).contains("'displayName'").contains("string");
    }

    @Test
    void malformedJsonIsABadRequest() {
        assertThat(badRequest(sandbox.createTeam(token, "{\"displayName\": ")).get("message").stringValue())
                .startsWith("Unable to read JSON request payload");
    }

    @Test
    void nonJsonContentTypeIsUnsupportedMediaType() {
        JsonNode error = RunningSandbox.json(sandbox.client.post().uri(sandbox.graph("/teams"))
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue(SeedExamples.EXAMPLE_2)
                .exchange()
                .expectStatus().isEqualTo(415)
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody(String.class).returnResult().getResponseBody());

        assertThat(error.at("/error/code").stringValue()).isEqualTo("UnsupportedMediaType");
        assertThat(error.at("/error/innerError/request-id").stringValue()).matches(UUID);
    }

    @Test
    void jsonWithCharsetParameterIsAccepted() {
        sandbox.client.post().uri(sandbox.graph("/teams"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json; charset=utf-8")
                .bodyValue(SeedExamples.EXAMPLE_2)
                .exchange()
                .expectStatus().isAccepted();
    }

    @Test
    void betaIsServedLikeV1() {
        sandbox.client.post().uri(URI.create(sandbox.baseUrl() + "/sandbox/graph/beta/teams"))
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(SeedExamples.EXAMPLE_10)
                .exchange()
                .expectStatus().isAccepted()
                .expectHeader().valueMatches(HttpHeaders.LOCATION, LOCATION.pattern());
    }

    private static JsonNode badRequest(WebTestClient.ResponseSpec response) {
        JsonNode body = RunningSandbox.json(response
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectHeader().valueMatches("request-id", UUID)
                .expectBody(String.class).returnResult().getResponseBody());
        JsonNode error = body.get("error");
        assertThat(error.get("code").stringValue()).isEqualTo("BadRequest");
        assertThat(error.at("/innerError/date").stringValue()).isEqualTo("2026-03-02T09:00:00Z");
        return error;
    }
}
