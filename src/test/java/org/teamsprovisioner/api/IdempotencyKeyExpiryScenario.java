package org.teamsprovisioner.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.teamsprovisioner.api.IdempotencyKeyFixtures.request;
import static org.teamsprovisioner.api.IdempotencyKeyFixtures.uniqueKey;
import static org.teamsprovisioner.api.IdempotencyKeyFixtures.uniqueUser;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.teamsprovisioner.provisioning.PurgeIdempotencyKeys;
import org.teamsprovisioner.support.SandboxServiceTest;
import org.teamsprovisioner.support.TestClock;
import tools.jackson.databind.JsonNode;

/**
 * Keys expire after the retention period: then they answer nothing, may be reused, and are purged.
 * A retention of its own, so a context of its own, with its own port and database (see SandboxServiceTest);
 * run on H2 ({@link IdempotencyKeyExpiryH2Test}) and on PostgreSQL ({@link IdempotencyKeyExpiryPostgresTest}),
 * whose stores claim keys differently.
 */
@TestPropertySource(properties = "provisioner.idempotency.retention=1m")
abstract class IdempotencyKeyExpiryScenario extends SandboxServiceTest {

    @Autowired
    private TestClock clock;

    @Autowired
    private PurgeIdempotencyKeys purge;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void expiredKeyIsPurgedAndCanBeReusedForANewRequest() {
        String token = tokenFor(uniqueUser());
        String key = uniqueKey();
        JsonNode first = IdempotencyKeyFixtures.submit(http(), token, key, request("Before expiry " + UUID.randomUUID()))
                .expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody();
        awaitEnd(token, "/api/v1/team-requests/" + first.get("id").asString());

        clock.advance(Duration.ofMinutes(2));
        var second = IdempotencyKeyFixtures.submit(http(), token, key, request("After expiry " + UUID.randomUUID()))
                .expectStatus().isAccepted().expectBody(JsonNode.class).returnResult();

        assertThat(second.getResponseBody().get("id").asString()).isNotEqualTo(first.get("id").asString());
        assertThat(second.getResponseHeaders().getFirst(HttpHeaders.LOCATION)).endsWith(second.getResponseBody().get("id").asString());
        // Not followed to its end: its job is due at the moved clock's time, which db-scheduler's clock has not reached.
        clock.advance(Duration.ofMinutes(2));
        assertThat(purge.purge().block()).isGreaterThanOrEqualTo(1L);
    }
}
