package org.teamsprovisioner.sandbox;

import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Graph calls and assertions shared by the directory, group and team-part tests. */
final class GraphCalls {

    static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private GraphCalls() {
    }

    static WebTestClient.ResponseSpec post(RunningSandbox sandbox, String token, String path, String json) {
        return sandbox.client.post()
                .uri(sandbox.graph(path))
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }

    static WebTestClient.ResponseSpec delete(RunningSandbox sandbox, String token, String path) {
        return sandbox.client.delete().uri(sandbox.graph(path)).header("Authorization", "Bearer " + token).exchange();
    }

    static WebTestClient.ResponseSpec get(RunningSandbox sandbox, String token, String path) {
        return sandbox.get(token, sandbox.graph(path));
    }

    /** The body of a response that must have {@code status}. */
    static JsonNode json(WebTestClient.ResponseSpec response, int status) {
        return RunningSandbox.json(response.expectStatus().isEqualTo(status)
                .expectHeader().valueMatches("request-id", UUID)
                .expectBody(String.class).returnResult().getResponseBody());
    }

    /** Graph's error object of a response that must have {@code status} and {@code code}. */
    static JsonNode error(WebTestClient.ResponseSpec response, int status, String code) {
        JsonNode error = json(response.expectHeader().contentType(MediaType.APPLICATION_JSON), status).get("error");
        assertThat(error.get("code").stringValue()).isEqualTo(code);
        assertThat(error.at("/innerError/request-id").stringValue()).matches(UUID);
        return error;
    }

    /** A Microsoft 365 group body as Graph's Create group example 1 writes it, plus owners. */
    static String unifiedGroup(String displayName, String mailNickname, String... ownerIds) {
        StringBuilder owners = new StringBuilder();
        for (String owner : ownerIds) {
            owners.append(owners.isEmpty() ? "" : ",")
                    .append("\"https://graph.microsoft.com/v1.0/users/").append(owner).append('"');
        }
        return """
                {
                  "description": "Created by a sandbox test",
                  "displayName": "%s",
                  "groupTypes": ["Unified"],
                  "mailEnabled": true,
                  "mailNickname": "%s",
                  "securityEnabled": false,
                  "owners@odata.bind": [%s]
                }
                """.formatted(displayName, mailNickname, owners);
    }

    /** Creates a group and returns Graph's 201 body. */
    static JsonNode createGroup(RunningSandbox sandbox, String token, String json) {
        return json(post(sandbox, token, "/groups", json), 201);
    }
}
