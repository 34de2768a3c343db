package org.teamsprovisioner.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** The teamsAsyncOperation behind a 202 and the team it produces, driven by a hand-moved clock. */
class SandboxTeamOperationHttpTest {

    private static final Pattern LOCATION = Pattern.compile("/teams\\('([^']+)'\\)/operations\\('([^']+)'\\)");

    private final RunningSandbox sandbox = new RunningSandbox();
    private final String token = sandbox.graphToken();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void operationGoesFromNotStartedToInProgressToSucceededAsTheClockMoves() {
        Instant created = sandbox.clock.instant();
        String location = sandbox.createTeamLocation(token, "Project Falcon");
        String teamId = teamId(location);

        JsonNode operation = operation(location);
        assertThat(operation.get("status").stringValue()).isEqualTo("notStarted");
        assertThat(operation.get("operationType").stringValue()).isEqualTo("createTeam");
        assertThat(operation.get("id").stringValue()).isEqualTo(operationId(location));
        assertThat(operation.get("createdDateTime").stringValue()).isEqualTo(created.toString());
        assertThat(operation.get("lastActionDateTime").stringValue()).isEqualTo(created.toString());
        assertThat(operation.get("attemptsCount").intValue()).isEqualTo(1);
        assertThat(operation.get("targetResourceId").stringValue()).isEqualTo(teamId);
        assertThat(operation.get("targetResourceLocation").stringValue()).isEqualTo("/teams('" + teamId + "')");
        assertThat(operation.has("error")).isTrue();
        assertThat(operation.get("error").isNull()).isTrue();

        sandbox.clock.advance(Duration.ofMillis(299));
        assertThat(operation(location).get("status").stringValue()).isEqualTo("notStarted");

        sandbox.clock.advance(Duration.ofMillis(1));
        operation = operation(location);
        assertThat(operation.get("status").stringValue()).isEqualTo("inProgress");
        assertThat(operation.get("lastActionDateTime").stringValue())
                .isEqualTo(created.plusMillis(300).toString());

        sandbox.clock.advance(Duration.ofMillis(1999));
        assertThat(operation(location).get("status").stringValue()).isEqualTo("inProgress");

        sandbox.clock.advance(Duration.ofMillis(1));
        operation = operation(location);
        assertThat(operation.get("status").stringValue()).isEqualTo("succeeded");
        assertThat(operation.get("lastActionDateTime").stringValue())
                .isEqualTo(created.plusMillis(2300).toString());
        assertThat(operation.get("error").isNull()).isTrue();
    }

    @Test
    void displayNameWithTheFailureMarkerEndsFailedWithAnError() {
        String location = sandbox.createTeamLocation(token, "Doomed [fail] team");

        sandbox.clock.advance(Duration.ofMillis(300));
        assertThat(operation(location).get("status").stringValue()).isEqualTo("inProgress");

        sandbox.clock.advance(Duration.ofSeconds(2));
        JsonNode operation = operation(location);
        assertThat(operation.get("status").stringValue()).isEqualTo("failed");
        assertThat(operation.at("/error/code").stringValue()).isEqualTo("InternalServerError");
        assertThat(operation.at("/error/message").stringValue()).contains("'[fail]'").contains("Doomed [fail] team");

        sandbox.clock.advance(Duration.ofHours(1).minusSeconds(5));
        sandbox.get(sandbox.graphToken(), sandbox.graph("/teams('" + teamId(location) + "')"))
                .expectStatus().isNotFound();
    }

    @Test
    void teamIsNotFoundUntilItsOperationSucceeded() {
        String location = sandbox.createTeamLocation(token, "Patience");
        String teamId = teamId(location);

        JsonNode notFound = RunningSandbox.json(sandbox.get(token, sandbox.graph("/teams('" + teamId + "')"))
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(notFound.at("/error/code").stringValue()).isEqualTo("NotFound");
        assertThat(notFound.at("/error/message").stringValue()).contains(teamId);

        sandbox.clock.advance(Duration.ofMillis(2299));
        sandbox.get(token, sandbox.graph("/teams('" + teamId + "')")).expectStatus().isNotFound();

        sandbox.clock.advance(Duration.ofMillis(1));
        JsonNode team = sandbox.getJson(token, sandbox.graph("/teams('" + teamId + "')"));
        assertThat(team.get("id").stringValue()).isEqualTo(teamId);
        assertThat(team.get("displayName").stringValue()).isEqualTo("Patience");
        assertThat(team.get("description").stringValue()).isEqualTo("Created by a sandbox test");
        assertThat(team.get("visibility").stringValue()).isEqualTo("public");
        assertThat(team.get("isArchived").booleanValue()).isFalse();
        assertThat(team.get("createdDateTime").stringValue()).isEqualTo(RunningSandbox.START.toString());
        assertThat(team.get("internalId").stringValue()).matches("19:[0-9a-f]{32}@thread\\.tacv2");
        String threadHex = team.get("internalId").stringValue().substring(3, 35);
        assertThat(team.get("webUrl").stringValue()).isEqualTo("https://teams.microsoft.com/l/team/19%3a" + threadHex
                + "%40thread.tacv2/conversations?groupId=" + teamId + "&tenantId=sandbox-tenant");
    }

    @Test
    void successBodiesUseGraphsOdataJsonContentType() {
        String location = sandbox.createTeamLocation(token, "Content types");

        sandbox.get(token, sandbox.graph(location))
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectHeader().valueMatches("Content-Type", ".*odata\\.metadata=minimal.*");
    }

    @Test
    void privateVisibilityIsAnsweredInLowerCase() {
        String body = RunningSandbox.teamWithOwner("Secret").replace("\"description\"", "\"visibility\": \"Private\", \"description\"");
        String location = sandbox.createTeam(token, body).expectStatus().isAccepted()
                .returnResult(Void.class).getResponseHeaders().getLocation().toString();

        sandbox.clock.advance(Duration.ofSeconds(3));

        assertThat(sandbox.getJson(token, sandbox.graph("/teams/" + teamId(location))).get("visibility").stringValue())
                .isEqualTo("private");
    }

    @Test
    void theOperationAndTheTeamAreServedInEveryPathForm() {
        String location = sandbox.createTeamLocation(token, "Many roads");
        String teamId = teamId(location);
        String opId = operationId(location);
        sandbox.clock.advance(Duration.ofSeconds(3));

        for (String path : new String[] {
                location,
                "/teams/" + teamId + "/operations/" + opId,
                "/teams('" + teamId + "')/operations/" + opId,
                "/teams%28%27" + teamId + "%27%29/operations%28%27" + opId + "%27%29",
                "/teams%28'" + teamId + "'%29/operations('" + opId.toUpperCase() + "')" }) {
            assertThat(operation(path).get("id").stringValue()).as(path).isEqualTo(opId);
        }
        for (String path : new String[] {
                "/teams('" + teamId + "')", "/teams/" + teamId, "/teams%28%27" + teamId + "%27%29",
                "/teams/" + teamId.toUpperCase() + "/" }) {
            assertThat(sandbox.getJson(token, sandbox.graph(path)).get("id").stringValue()).as(path).isEqualTo(teamId);
        }
        JsonNode beta = sandbox.getJson(token, sandbox.uri("/sandbox/graph/beta" + location));
        assertThat(beta.get("@odata.context").stringValue()).startsWith("https://graph.microsoft.com/beta/");
    }

    @Test
    void unknownTeamOrOperationIsNotFound() {
        String location = sandbox.createTeamLocation(token, "Known");
        String teamId = teamId(location);

        for (String path : new String[] {
                "/teams('" + teamId + "')/operations('00000000-0000-0000-0000-000000000000')",
                "/teams('00000000-0000-0000-0000-000000000000')/operations('" + operationId(location) + "')",
                "/teams('nope')" }) {
            JsonNode error = RunningSandbox.json(sandbox.get(token, sandbox.graph(path))
                    .expectStatus().isNotFound()
                    .expectBody(String.class).returnResult().getResponseBody());
            assertThat(error.at("/error/code").stringValue()).as(path).isEqualTo("NotFound");
        }
    }

    @Test
    void malformedKeyIsABadRequest() {
        JsonNode error = RunningSandbox.json(sandbox.get(token, sandbox.graph("/teams('unterminated"))
                .expectStatus().isBadRequest()
                .expectBody(String.class).returnResult().getResponseBody());

        assertThat(error.at("/error/code").stringValue()).isEqualTo("BadRequest");
    }

    private JsonNode operation(String path) {
        return sandbox.getJson(token, sandbox.graph(path));
    }

    private static String teamId(String location) {
        return match(location).group(1);
    }

    private static String operationId(String location) {
        return match(location).group(2);
    }

    private static Matcher match(String location) {
        Matcher matcher = LOCATION.matcher(location);
        assertThat(matcher.matches()).as(location).isTrue();
        return matcher;
    }
}
