package org.teamsprovisioner.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teamsprovisioner.support.SandboxH2Test;
import tools.jackson.databind.JsonNode;

/**
 * Any app of the tenant can get a token for the API's audience; only a user's token with the API's
 * delegated scope, or an app's own token with the API's app role, may use it.
 */
class CallerPermissionsTest extends SandboxH2Test {

    private static final String SUBMIT = "{\"displayName\":\"Permissions\",\"owners\":[\"alice@contoso.com\"]}";

    private WebTestClient.ResponseSpec list(String token) {
        return http().get().uri("/api/v1/team-requests").headers(h -> h.setBearerAuth(token)).exchange();
    }

    private static void forbidden(WebTestClient.ResponseSpec response) {
        JsonNode problem = response.expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\", scope=\"TeamRequests.ReadWrite\"")
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(problem.get("code").asString()).isEqualTo("token.permission_missing");
        assertThat(problem.get("detail").asString()).contains("TeamRequests.ReadWrite", "TeamRequests.Submit");
        assertThat(problem.get("correlationId").asString()).isNotBlank();
    }

    @Test
    void userTokenWithoutTheApiScopeIsForbiddenToReadAndToSubmit() {
        String token = tokenWithScope("alice@contoso.com", "User.Read");

        forbidden(list(token));
        forbidden(submit(token, SUBMIT));
    }

    @Test
    void userTokenWithTheScopeAmongOthersIsAdmitted() {
        list(tokenWithScope("alice@contoso.com", "User.Read TeamRequests.ReadWrite")).expectStatus().isOk();
    }

    @Test
    void adminRoleDoesNotStandInForTheScope() {
        forbidden(list(tokenWithScope("desk@contoso.com", "User.Read", "TeamRequests.ReadAll", "TeamRequests.ManageAll")));
    }

    @Test
    void appTokenWithTheAppRoleIsAdmitted() {
        list(appToken("portal-daemon", "TeamRequests.Submit")).expectStatus().isOk();
    }

    @Test
    void appTokenWithoutTheAppRoleIsForbiddenEvenWithAnAdminRole() {
        forbidden(list(appToken("some-other-app")));
        forbidden(list(appToken("reporting-app", "TeamRequests.ReadAll")));
    }
}
