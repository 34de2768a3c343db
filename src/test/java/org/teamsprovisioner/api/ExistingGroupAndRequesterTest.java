package org.teamsprovisioner.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.teamsprovisioner.support.RunningService;
import org.teamsprovisioner.support.SharedTenant;
import tools.jackson.databind.JsonNode;

/**
 * Who the requester is, as a deployment sees it: Entra-like tokens from a real OpenID Connect
 * issuer (mock-oauth2-server), whose claims a test sets as Entra would (an {@code oid}, and a
 * {@code preferred_username} that users can change), a prod replica on PostgreSQL and the Graph
 * simulator with groups the tenant already has. Only an owner of a group (or the service desk)
 * may turn it into a team, and the requester is recognised by object id only.
 */
class ExistingGroupAndRequesterTest {

    private static final String AUDIENCE = "api://teams-provisioner";
    private static final String ALICE = "a11ce000-0000-4000-8000-000000000001";
    private static final String BOB = "b0b00000-0000-4000-8000-000000000002";
    private static final String DAVE = "da7e0000-0000-4000-8000-000000000004";
    private static final String BOBS_GROUP = "6f1b7e2a-0c55-4f0e-9b2d-3f4a5b6c7d01";
    private static final String CAROLS_GROUP = "6f1b7e2a-0c55-4f0e-9b2d-3f4a5b6c7d02";
    private static final String BOBS_OTHER_GROUP = "6f1b7e2a-0c55-4f0e-9b2d-3f4a5b6c7d03";

    private static MockOAuth2Server entra;
    private static SharedTenant tenant;
    private static RunningService service;

    @BeforeAll
    static void start() {
        entra = new MockOAuth2Server();
        entra.start();
        tenant = new SharedTenant(List.of(
                "groups.existing[0].id=" + BOBS_GROUP, "groups.existing[0].display-name=Bob's projects",
                "groups.existing[0].owners=bob@contoso.com", "groups.existing[0].members=carol@contoso.com",
                "groups.existing[1].id=" + CAROLS_GROUP, "groups.existing[1].display-name=Carol's campaigns",
                "groups.existing[1].owners=carol@contoso.com",
                "groups.existing[2].id=" + BOBS_OTHER_GROUP, "groups.existing[2].display-name=Bob's other projects",
                "groups.existing[2].owners=bob@contoso.com"),
                Map.of("provisioner.security.jwt.issuer-uri", entra.issuerUrl("entra").toString(),
                        "provisioner.security.jwt.jwk-set-uri", entra.jwksUrl("entra").toString(),
                        "provisioner.policy.owners.require-requester", "true"));
        service = tenant.replica();
    }

    @AfterAll
    static void stop() {
        if (tenant != null) {
            tenant.close();
        }
        if (entra != null) {
            entra.shutdown();
        }
    }

    private static String token(String objectId, String signInName, String... roles) {
        // A user's token through a portal: Entra puts the API's delegated scope in scp.
        Map<String, Object> claims = new java.util.HashMap<>(Map.of("oid", objectId, "preferred_username", signInName,
                "scp", "TeamRequests.ReadWrite"));
        if (roles.length > 0) {
            claims.put("roles", List.of(roles));
        }
        return entra.issueToken("entra", objectId, AUDIENCE, claims, 3600).serialize();
    }

    private static String teamify(String groupId, String owner) {
        return ServiceTestJson.of(Map.of("displayName", "From a group", "owners", List.of(owner), "existingGroupId", groupId));
    }

    private static JsonNode refused(String token, String body) {
        return service.submit(token, body).expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("violations");
    }

    private static long graphCalls(String route) {
        return tenant.graphState().get("counters").get("callsByRoute").path(route).asLong();
    }

    private static int stored(String token) {
        return service.get(token, "/api/v1/team-requests?limit=100").get("items").size();
    }

    @Test
    void callerWhoDoesNotOwnTheGroupCannotTeamifyItAndNothingIsStoredOrSent() {
        String dave = token(DAVE, "dave@contoso.com");
        long posts = graphCalls("POST /teams 202");

        JsonNode violations = refused(dave, teamify(BOBS_OTHER_GROUP, "dave@contoso.com"));
        JsonNode preview = service.preview(dave, teamify(BOBS_OTHER_GROUP, "dave@contoso.com")).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(violations).hasSize(1);
        assertThat(violations.get(0).get("rule").asString()).isEqualTo("existingGroupId.notOwner");
        assertThat(violations.get(0).get("field").asString()).isEqualTo("/existingGroupId");
        assertThat(preview.get("valid").asBoolean()).isFalse();
        assertThat(preview.get("violations")).isEqualTo(violations);
        assertThat(stored(dave)).isZero();
        assertThat(graphCalls("POST /teams 202")).isEqualTo(posts);
        assertThat(tenant.graphState().get("teams").valueStream().map(team -> team.get("id").asString()))
                .doesNotContain(BOBS_OTHER_GROUP);
    }

    @Test
    void aGroupThatDoesNotExistIsRefusedInTheSameWordsAsAGroupOfOthers() {
        String dave = token(DAVE, "dave@contoso.com");

        JsonNode othersGroup = refused(dave, teamify(CAROLS_GROUP, "dave@contoso.com"));
        JsonNode noGroup = refused(dave, teamify(UUID.randomUUID().toString(), "dave@contoso.com"));

        assertThat(noGroup).isEqualTo(othersGroup);
    }

    @Test
    void ownerOfTheGroupTurnsItIntoATeam() {
        String bob = token(BOB, "bob@contoso.com");

        String location = service.submit(bob, teamify(BOBS_GROUP, "bob@contoso.com")).expectStatus().isAccepted()
                .returnResult(Void.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);
        JsonNode ended = service.awaitEnd(bob, location);

        assertThat(ended.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(ended.get("teamId").asString()).isEqualTo(BOBS_GROUP);
    }

    @Test
    void theServiceDeskMayTeamifyAGroupItDoesNotOwn() {
        String desk = token(ALICE, "alice@contoso.com", "TeamRequests.ManageAll");

        String location = service.submit(desk, teamify(CAROLS_GROUP, "alice@contoso.com")).expectStatus().isAccepted()
                .returnResult(Void.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);

        assertThat(service.awaitEnd(desk, location).get("teamId").asString()).isEqualTo(CAROLS_GROUP);
    }

    @Test
    void aPreferredUsernameNamingSomeoneElseDoesNotMakeTheCallerTheRequester() {
        String mallory = token(UUID.randomUUID().toString(), "alice@contoso.com");
        String alice = token(ALICE, "alice@contoso.com");
        String body = ServiceTestJson.of(Map.of("displayName", "Whose team " + UUID.randomUUID(), "owners", List.of("alice@contoso.com")));

        JsonNode violations = refused(mallory, body);

        assertThat(violations.valueStream().map(v -> v.get("rule").asString())).containsExactly("owners.requester");
        assertThat(stored(mallory)).isZero();
        // Alice herself, listed by the same name, is recognised through her object id.
        assertThat(service.preview(alice, body).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("valid").asBoolean()).isTrue();
    }
}
