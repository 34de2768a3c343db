package org.teamsprovisioner.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.teamsprovisioner.api.IdempotencyKeyFixtures.request;
import static org.teamsprovisioner.api.IdempotencyKeyFixtures.teamsCreated;
import static org.teamsprovisioner.api.IdempotencyKeyFixtures.uniqueKey;
import static org.teamsprovisioner.api.IdempotencyKeyFixtures.uniqueUser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.teamsprovisioner.support.PostgresDatabase;
import org.teamsprovisioner.support.RunningService;
import org.teamsprovisioner.support.SandboxPostgresTest;

/**
 * Duplicates racing on one key, on PostgreSQL as in production: the unique (caller, key) claim lets
 * exactly one request be stored; the others get its response or 409, never a second request or team.
 */
class IdempotencyKeyRacePostgresTest extends SandboxPostgresTest {

    private static final int DUPLICATES = 8;

    @Test
    void concurrentDuplicatesOnTwoReplicasStoreOneRequestAndCreateOneTeam() throws Exception {
        try (RunningService other = RunningService.onPostgres(PostgresDatabase.get(), sharedGraph())) {
            String user = uniqueUser();
            // Each replica's sandbox signs its own user tokens; both carry the user's same object id.
            String tokenHere = tokenFor(user);
            String tokenThere = other.tokenFor(user);
            String key = uniqueKey();
            String name = "Raced " + UUID.randomUUID();
            String body = request(name);

            List<EntityExchangeResult<byte[]>> results = race(i -> i % 2 == 0
                    ? IdempotencyKeyFixtures.submit(http(), tokenHere, key, body).expectBody().returnResult()
                    : IdempotencyKeyFixtures.submit(other.http(), tokenThere, key, body).expectBody().returnResult());

            Map<Integer, Long> byStatus = results.stream()
                    .collect(Collectors.groupingBy(r -> r.getStatus().value(), Collectors.counting()));
            assertThat(byStatus.keySet()).as("statuses %s", byStatus).isSubsetOf(202, 409);
            Set<String> locations = results.stream().filter(r -> r.getStatus().value() == 202)
                    .map(r -> r.getResponseHeaders().getFirst(HttpHeaders.LOCATION)).collect(Collectors.toSet());
            assertThat(locations).as("every 202 names the one stored request").hasSize(1);
            assertThat(get(tokenHere, "/api/v1/team-requests").get("items")).hasSize(1);

            String location = locations.iterator().next();
            assertThat(awaitEnd(tokenHere, location).get("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(teamsCreated(sandboxState(), name)).isEqualTo(1);
        }
    }

    private static <T> List<T> race(java.util.function.IntFunction<T> call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(DUPLICATES);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<T>> calls = new ArrayList<>();
            for (int i = 0; i < DUPLICATES; i++) {
                int n = i;
                calls.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                    return call.apply(n);
                }, threads));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (CompletableFuture<T> c : calls) {
                results.add(c.get());
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }
}
