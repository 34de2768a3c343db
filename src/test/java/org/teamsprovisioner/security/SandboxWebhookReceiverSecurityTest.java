package org.teamsprovisioner.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.teamsprovisioner.support.SandboxH2Test;
import tools.jackson.databind.JsonNode;

/**
 * The webhook receiver inside the service's sandbox profile: like the rest of {@code /sandbox/**}
 * it is let through without a token and without CSRF, as a portal's endpoint takes the sender's
 * POST, while the service's own API beside it still wants a token.
 */
class SandboxWebhookReceiverSecurityTest extends SandboxH2Test {

    private static final String EVENT = "{\"specversion\":\"1.0\",\"id\":\"evt-1\",\"source\":\"urn:test\","
            + "\"type\":\"org.teamsprovisioner.teamrequest.submitted\",\"subject\":\"r-1\"}";

    @Test
    void receiverTakesDeliveriesAndControlsWithoutATokenInTheSandboxProfile() {
        http().put().uri("/sandbox/webhooks/security-test/_behaviour").bodyValue("{\"status\":202}")
                .exchange().expectStatus().isOk();
        http().post().uri("/sandbox/webhooks/security-test")
                .contentType(MediaType.parseMediaType("application/cloudevents+json")).bodyValue(EVENT)
                .exchange().expectStatus().isAccepted();

        JsonNode state = http().get().uri("/sandbox/graph/_state").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(state.at("/webhooks/security-test/deliveries/0/event/subject").asString()).isEqualTo("r-1");
        http().get().uri("/api/v1/team-requests").exchange().expectStatus().isUnauthorized();
    }
}
