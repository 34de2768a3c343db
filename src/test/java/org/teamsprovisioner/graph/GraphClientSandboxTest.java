package org.teamsprovisioner.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Graph client against the sandbox Graph and its token endpoint, over real HTTP. */
class GraphClientSandboxTest extends FreshGraphClientTest {

    /** A client with its own, empty token cache, so token requests can be counted from zero. */
    private GraphClient freshClient(GraphProperties settings) {
        return clients().client(settings);
    }

    private long tokenRequests() {
        return sandboxState().get("counters").get("tokenRequests").asLong();
    }

    private static NewTeam team(String name, String template) {
        return new NewTeam(template, name, "Built by a test", "private", List.of("alice@contoso.com"),
                List.of("bob@contoso.com"), List.of(new NewTeam.NewChannel("Planning", null, true)), null, null, null);
    }

    @Test
    void tokenIsRequestedOnceAndReusedUntilItExpires() {
        GraphClient graph = freshClient(properties);
        long before = tokenRequests();

        for (int i = 0; i < 3; i++) {
            catchThrowableOfType(GraphException.class, () -> graph.getTeam(UUID.randomUUID().toString()).block());
        }

        assertThat(tokenRequests() - before).isEqualTo(1);
    }

    @Test
    void concurrentCallsWithoutATokenShareOneTokenRequest() {
        GraphClient graph = freshClient(properties);
        long before = tokenRequests();

        reactor.core.publisher.Flux.range(0, 40)
                .flatMap(i -> graph.getTeam(UUID.randomUUID().toString()).onErrorResume(GraphException.class,
                        notFound -> reactor.core.publisher.Mono.empty()), 40)
                .blockLast(Duration.ofSeconds(20));

        assertThat(tokenRequests() - before).isEqualTo(1);
    }

    @Test
    void tokenIsRequestedAgainOnceItIsAboutToExpire() {
        // The sandbox issues tokens for an hour; asking for a new one 61 minutes before expiry means every call asks.
        GraphProperties eager = new GraphProperties(properties.baseUrl(), properties.tokenUri(), properties.scope(),
                properties.tenantId(), properties.clientId(), properties.clientSecret(), properties.connectTimeout(),
                properties.responseTimeout(), Duration.ofMinutes(61));
        GraphClient graph = freshClient(eager);
        long before = tokenRequests();

        for (int i = 0; i < 3; i++) {
            catchThrowableOfType(GraphException.class, () -> graph.getTeam(UUID.randomUUID().toString()).block());
        }

        assertThat(tokenRequests() - before).isEqualTo(3);
    }

    @Test
    void createdTeamIsFollowedFromTheLocationHeaderToSuccess() {
        GraphClient graph = freshClient(properties);

        CreatedTeam created = graph.createTeam(team("Graph client test " + UUID.randomUUID(), "standard")).block();
        TeamsAsyncOperation operation = awaitEnd(graph, created);
        Team team = graph.getTeam(created.teamId()).block();

        assertThat(created.teamId()).isNotBlank();
        assertThat(created.operationId()).isNotBlank();
        assertThat(operation.succeeded()).isTrue();
        assertThat(operation.targetResourceId()).isEqualTo(created.teamId());
        assertThat(team.webUrl()).contains(created.teamId());
    }

    @Test
    void failedOperationCarriesGraphsError() {
        GraphClient graph = freshClient(properties);

        CreatedTeam created = graph.createTeam(team("Doomed [fail] " + UUID.randomUUID(), "standard")).block();
        TeamsAsyncOperation operation = awaitEnd(graph, created);

        assertThat(operation.failed()).isTrue();
        assertThat(operation.error().code()).isNotBlank();
        assertThat(operation.error().message()).isNotBlank();
    }

    @Test
    void refusedCreationIsAPermanentErrorWithGraphsCode() {
        GraphException refused = catchThrowableOfType(GraphException.class,
                () -> freshClient(properties).createTeam(team("Bad template", "noSuchTemplate")).block());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isNotBlank();
        assertThat(refused.getMessage()).contains("noSuchTemplate");
        assertThat(refused.isTransient()).isFalse();
    }

    @Test
    void unknownTeamIsNotFound() {
        GraphException missing = catchThrowableOfType(GraphException.class,
                () -> freshClient(properties).getTeam(UUID.randomUUID().toString()).block());

        assertThat(missing.isNotFound()).isTrue();
        assertThat(missing.code()).isEqualTo("NotFound");
    }

    @Test
    void wrongClientSecretFailsBeforeAnyGraphCall() {
        GraphProperties wrongSecret = new GraphProperties(properties.baseUrl(), properties.tokenUri(), properties.scope(),
                properties.tenantId(), properties.clientId(), "not-the-secret", properties.connectTimeout(),
                properties.responseTimeout(), properties.tokenRefreshBefore());

        GraphException refused = catchThrowableOfType(GraphException.class,
                () -> freshClient(wrongSecret).getTeam(UUID.randomUUID().toString()).block());

        assertThat(refused.code()).isEqualTo("TokenRequestFailed");
        assertThat(refused.getMessage()).contains("invalid_client");
    }

    private static TeamsAsyncOperation awaitEnd(GraphClient graph, CreatedTeam created) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            TeamsAsyncOperation operation = graph.getOperation(created.teamId(), created.operationId()).block().operation();
            if (operation.succeeded() || operation.failed()) {
                return operation;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("operation " + created.operationId() + " did not end");
    }
}
