package org.teamsprovisioner.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import org.teamsprovisioner.support.FreePort;
import org.teamsprovisioner.support.RunningService;
import org.teamsprovisioner.support.SharedTenant;
import reactor.core.publisher.Flux;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;

/**
 * Portals following many requests live through replica A, which is killed (SIGKILL) while their
 * streams are open and the requests are being provisioned: each client reconnects to replica B with
 * Last-Event-ID, as EventSource does, and ends with every event of its request exactly once, in order.
 */
class LiveEventsReplicaKilledTest {

    private static final int REQUESTS = 120;
    private static final int CALLERS = 20;
    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };

    @Test
    void streamsCutByAKilledReplicaResumeOnAnotherWithNoEventLostOrRepeated() throws Exception {
        try (SharedTenant tenant = new SharedTenant(List.of(), Map.of())) {
            int portA = FreePort.find();
            Process replicaA = tenant.replicaJvm(portA);
            RunningService replicaB = tenant.replica();
            List<WebClient> replicas = List.of(WebClient.create("http://localhost:" + portA),
                    WebClient.create("http://localhost:" + replicaB.port()));
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                tokens.add(tenant.userToken("follower-" + i + "-" + UUID.randomUUID().toString().substring(0, 6) + "@contoso.com"));
            }
            Map<String, List<ServerSentEvent<String>>> received = new ConcurrentHashMap<>();
            AtomicInteger reconnects = new AtomicInteger();
            List<Flux<ServerSentEvent<String>>> streams = new ArrayList<>();
            List<String> locations = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                String token = tokens.get(i % CALLERS);
                String location = replicaB.submit(token, "{\"displayName\": \"Followed " + i + " " + UUID.randomUUID()
                                + "\", \"owners\": [\"alice@contoso.com\"]}")
                        .expectStatus().isAccepted().returnResult(JsonNode.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);
                locations.add(location);
                List<ServerSentEvent<String>> mine = new CopyOnWriteArrayList<>();
                received.put(location, mine);
                streams.add(follow(replicas, location, token, reconnects).doOnNext(mine::add));
            }
            var all = Flux.merge(streams).then().toFuture();

            // Kill A once its streams carry the provisioning, not only the submitted events.
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (received.values().stream().mapToInt(List::size).sum() < REQUESTS * 2) {
                assertThat(System.nanoTime()).as("streams on replica A never got going").isLessThan(deadline);
                Thread.sleep(50);
            }
            replicaA.destroyForcibly().waitFor();
            all.get(120, java.util.concurrent.TimeUnit.SECONDS);

            assertThat(reconnects.get()).as("streams cut by the kill").isGreaterThan(0);
            for (String location : locations) {
                String token = tokens.get(locations.indexOf(location) % CALLERS);
                List<String> history = replicaB.get(token, location + "/events?limit=100").get("items").valueStream()
                        .map(event -> event.get("id").asLong() + ":" + event.get("type").asString()).toList();
                assertThat(received.get(location)).extracting(event -> event.id() + ":" + event.event())
                        .as("events of %s as its stream(s) delivered them", location)
                        .containsExactlyElementsOf(history)
                        .last().asString().endsWith(":succeeded");
            }
        }
    }

    /** As EventSource: on a cut connection, connect again (to the other replica) with the last event's id. */
    private static Flux<ServerSentEvent<String>> follow(List<WebClient> replicas, String location, String token, AtomicInteger reconnects) {
        AtomicLong last = new AtomicLong(0);
        AtomicInteger replica = new AtomicInteger(0);
        return Flux.defer(() -> replicas.get(replica.get()).get().uri(location + "/events")
                        .accept(MediaType.TEXT_EVENT_STREAM)
                        .headers(h -> {
                            h.setBearerAuth(token);
                            if (last.get() > 0) {
                                h.set("Last-Event-ID", Long.toString(last.get()));
                            }
                        })
                        .retrieve().bodyToFlux(SSE))
                .filter(event -> event.data() != null)
                .doOnNext(event -> last.set(Long.parseLong(event.id())))
                .doOnError(cut -> {
                    reconnects.incrementAndGet();
                    replica.set(1);
                })
                .retryWhen(Retry.fixedDelay(30, Duration.ofMillis(300)));
    }
}
