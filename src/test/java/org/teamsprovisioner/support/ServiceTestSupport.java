package org.teamsprovisioner.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;

/** HTTP helpers for tests that talk to a running service (API and sandbox Graph) over real HTTP. */
public abstract class ServiceTestSupport {

    public abstract int port();

    /**
     * Settings for another replica so that it calls this service's simulated Graph: replicas of one
     * deployment share one Graph tenant, and a job may run its steps on any of them.
     */
    public java.util.Map<String, Object> sharedGraph() {
        String sandbox = "http://localhost:" + port() + "/sandbox";
        return java.util.Map.of("provisioner.graph.base-url", sandbox + "/graph/v1.0",
                "provisioner.graph.token-uri", sandbox + "/login/{tenant-id}/oauth2/v2.0/token");
    }

    /** Where actuator answers: the service's own port, unless it serves management on a port of its own (prod). */
    public int managementPort() {
        return port();
    }

    public WebTestClient http() {
        return client(port());
    }

    /** Actuator: health, metrics. */
    public WebTestClient management() {
        return client(managementPort());
    }

    private static WebTestClient client(int port) {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(20))
                .build();
    }

    /** A signed user token from the sandbox issuer, exactly as the README's curl gets one (with the API's scope). */
    public String tokenFor(String user, String... roles) {
        return token(BodyInserters.fromFormData("user", user), roles);
    }

    /** A user token whose {@code scp} is {@code scope} instead of the API's scope. */
    public String tokenWithScope(String user, String scope, String... roles) {
        return token(BodyInserters.fromFormData("user", user).with("scope", scope), roles);
    }

    /** An application's own token, as client credentials give: no {@code scp}, only {@code roles}. */
    public String appToken(String app, String... roles) {
        return token(BodyInserters.fromFormData("user", app).with("scope", ""), roles);
    }

    private String token(BodyInserters.FormInserter<String> form, String... roles) {
        if (roles.length > 0) {
            form = form.with("roles", String.join(",", roles));
        }
        JsonNode body = http().post().uri("/sandbox/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        return body.get("access_token").asString();
    }

    public WebTestClient.ResponseSpec submit(String token, String json) {
        return http().post().uri("/api/v1/team-requests")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }

    public WebTestClient.ResponseSpec preview(String token, String json) {
        return http().post().uri("/api/v1/team-requests/preview")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }

    public JsonNode get(String token, String path) {
        return http().get().uri(path).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** Follows a request until it is SUCCEEDED or FAILED, as a portal would. */
    public JsonNode awaitEnd(String token, String location) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            JsonNode view = get(token, location);
            String status = view.get("status").asString();
            if (status.equals("SUCCEEDED") || status.equals("FAILED")) {
                return view;
            }
            assertThat(Instant.now()).as("request %s still %s", location, status).isBefore(deadline);
            sleep(100);
        }
    }

    public JsonNode sandboxState() {
        return http().get().uri("/sandbox/graph/_state").exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }


    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
