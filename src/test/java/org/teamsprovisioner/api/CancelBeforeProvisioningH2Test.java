package org.teamsprovisioner.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.teamsprovisioner.api.IdempotencyKeyFixtures.request;
import static org.teamsprovisioner.api.IdempotencyKeyFixtures.teamsCreated;
import static org.teamsprovisioner.api.IdempotencyKeyFixtures.uniqueUser;

import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.teamsprovisioner.support.SandboxH2Test;
import tools.jackson.databind.JsonNode;

/** Cancel while the request waits for a worker: an API-only replica (no job workers) holds it at ACCEPTED. */
@TestPropertySource(properties = "provisioner.jobs.enabled=false")
class CancelBeforeProvisioningH2Test extends SandboxH2Test {

    @Autowired
    private DataSource dataSource;

    private int jobsOf(String id) {
        return new JdbcTemplate(dataSource).queryForObject(
                "select count(*) from scheduled_tasks where task_instance = ?", Integer.class, id);
    }

    @Test
    void acceptedRequestIsCancelledItsJobDeletedAndNothingSentToGraph() {
        String token = tokenFor(uniqueUser());
        JsonNode accepted = submit(token, request("Withdrawn " + UUID.randomUUID())).expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        String id = accepted.get("id").asString();
        String location = "/api/v1/team-requests/" + id;
        assertThat(jobsOf(id)).isEqualTo(1);

        JsonNode cancelled = http().post().uri(location + "/cancel").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(get(token, location).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(get(token, "/api/v1/team-requests?status=CANCELLED").get("items").valueStream()
                .map(item -> item.get("id").asString())).containsExactly(id);
        assertThat(jobsOf(id)).as("no job left to reach Graph").isZero();
        assertThat(teamsCreated(sandboxState(), accepted.get("displayName").asString())).isZero();
    }

    @Test
    void cancelledRequestCanNeitherBeCancelledAgainNorRetried() {
        String token = tokenFor(uniqueUser());
        String id = submit(token, request("Once " + UUID.randomUUID())).expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
        String location = "/api/v1/team-requests/" + id;
        http().post().uri(location + "/cancel").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();

        http().post().uri(location + "/cancel").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT);
        http().post().uri(location + "/retry").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT);
    }
}
