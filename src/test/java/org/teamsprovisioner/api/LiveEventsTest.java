package org.teamsprovisioner.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teamsprovisioner.support.SharedTenant;
import org.teamsprovisioner.support.RunningService;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live events over real HTTP, on replicas of one deployment (one PostgreSQL database, one simulated
 * tenant): {@code front} only answers the API (its jobs are off, so what it accepts stays ACCEPTED
 * until a worker replica provisions it), and every event a stream on {@code front} sends was written
 * by another replica's jobs.
 *
 * <p>The tests run in order: first those that need requests to stay ACCEPTED, then those that start
 * the worker. The worker stays up until the end: closing an in-process replica disposes Reactor
 * Netty's JVM-wide event loops, which the other in-process replicas' servers run on (one replica
 * per JVM in production). Shutdown is {@link LiveEventsShutdownTest}'s, for that reason.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveEventsTest {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static SharedTenant tenant;
    static RunningService front;
    static RunningService worker;

    @BeforeAll
    static void start() {
        tenant = new SharedTenant(List.of(), Map.of());
        front = tenant.replica(Map.of("provisioner.jobs.enabled", false,
                "provisioner.history.poll-interval", "200ms",
                "provisioner.api.event-streams.heartbeat", "300ms",
                "provisioner.api.event-streams.per-caller", 2));
    }

    @AfterAll
    static void stop() {
        tenant.close();
    }

    /** Starts the replica that provisions, once: from then on requests do not stay ACCEPTED. */
    private static void startWorker() {
        if (worker == null) {
            worker = tenant.replica();
        }
    }

    private static String token(String user) {
        return tenant.userToken(user + "-" + UUID.randomUUID() + "@contoso.com");
    }

    private static String request(String name) {
        return "{\"displayName\": \"" + name + "\", \"owners\": [\"alice@contoso.com\"]}";
    }

    private static String submit(RunningService service, String token, String name) {
        return service.submit(token, request(name + " " + UUID.randomUUID())).expectStatus().isAccepted()
                .returnResult(JsonNode.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);
    }

    private static WebTestClient.ResponseSpec stream(RunningService service, String token, String location, String lastEventId) {
        return service.http().mutate().responseTimeout(Duration.ofSeconds(60)).build()
                .get().uri(location + "/events")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> {
                    h.setBearerAuth(token);
                    if (lastEventId != null) {
                        h.set("Last-Event-ID", lastEventId);
                    }
                })
                .exchange();
    }

    private static Flux<ServerSentEvent<String>> events(WebTestClient.ResponseSpec stream) {
        return stream.expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .returnResult(SSE).getResponseBody();
    }

    private static List<ServerSentEvent<String>> withData(List<ServerSentEvent<String>> received) {
        return received.stream().filter(event -> event.data() != null).toList();
    }

    @Test
    @Order(4)
    void streamOnOneReplicaSendsEveryEventAnotherReplicasJobWritesAndEndsAfterSucceeded() {
        String token = token("live");
        String location = submit(front, token, "Live");
        Flux<ServerSentEvent<String>> live = events(stream(front, token, location, null));

        startWorker();
        List<ServerSentEvent<String>> received = live.collectList().block(Duration.ofSeconds(60));

        List<ServerSentEvent<String>> events = withData(received);
        assertThat(received.get(0).retry()).isEqualTo(Duration.ofSeconds(3));
        assertThat(events).extracting(ServerSentEvent::event).startsWith("submitted").endsWith("succeeded")
                .contains("team-id-known", "step-reached");
        assertThat(events).extracting(event -> Long.parseLong(event.id()))
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, events.size()).boxed().toList());
        JsonNode history = front.get(token, location + "/events?limit=100").get("items");
        assertThat(events).extracting(event -> JSON.readTree(event.data())).containsExactlyElementsOf(history.valueStream().toList());
    }

    @Test
    @Order(5)
    void reconnectWithLastEventIdResumesAfterItAndAFinishedStreamEndsAtOnce() {
        String token = token("resume");
        String location = submit(front, token, "Resume");
        startWorker();
        worker.awaitEnd(token, location);
        int all = front.get(token, location + "/events?limit=100").get("items").size();

        List<ServerSentEvent<String>> resumed = withData(events(stream(front, token, location, "2")).collectList().block(Duration.ofSeconds(20)));
        List<ServerSentEvent<String>> nothingLeft = withData(events(stream(front, token, location, Integer.toString(all)))
                .collectList().block(Duration.ofSeconds(20)));

        assertThat(resumed).extracting(ServerSentEvent::id).first().isEqualTo("3");
        assertThat(resumed).hasSize(all - 2).last().extracting(ServerSentEvent::event).isEqualTo("succeeded");
        assertThat(nothingLeft).isEmpty();
    }

    @Test
    @Order(1)
    void quietStreamSendsHeartbeatsWhileTheRequestWaits() {
        String token = token("quiet");
        String location = submit(front, token, "Quiet");

        List<ServerSentEvent<String>> first = events(stream(front, token, location, null)).take(5).collectList().block(Duration.ofSeconds(20));

        assertThat(first).extracting(ServerSentEvent::event).contains("submitted");
        assertThat(first).filteredOn(event -> "heartbeat".equals(event.comment())).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    @Order(2)
    void callerOverItsStreamCapIsRefusedWith429AndAStreamEndedFreesItsPlace() {
        String token = token("capped");
        String location = submit(front, token, "Capped");
        var first = events(stream(front, token, location, null)).subscribe();
        var second = events(stream(front, token, location, null)).subscribe();

        stream(front, token, location, null).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER);
        first.dispose();
        second.dispose();

        java.time.Instant deadline = java.time.Instant.now().plusSeconds(10);
        while (true) {
            var again = stream(front, token, location, null).returnResult(SSE);
            if (again.getStatus().is2xxSuccessful()) {
                assertThat(again.getResponseBody().take(1).blockFirst(Duration.ofSeconds(10))).isNotNull();
                break;
            }
            assertThat(java.time.Instant.now()).as("closed streams never freed their places").isBefore(deadline);
        }
    }

    @Test
    @Order(3)
    void anotherCallersRequestIsNotFoundAsAProblemAndABadLastEventIdIsABadRequest() {
        String token = token("owner");
        String location = submit(front, token, "Private");

        stream(front, token("stranger"), location, null)
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        stream(front, token, location, "last").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).value(problem -> assertThat(problem.get("violations").get(0).get("field").asString())
                        .isEqualTo("/Last-Event-ID"));
    }
}
