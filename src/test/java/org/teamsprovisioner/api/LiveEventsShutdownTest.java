package org.teamsprovisioner.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.teamsprovisioner.support.RunningService;
import org.teamsprovisioner.support.SharedTenant;
import tools.jackson.databind.JsonNode;

/**
 * A replica that shuts down ends its open event streams itself, before the web server's graceful
 * shutdown waits for requests to finish: a stream left open would hold the shutdown up to its timeout,
 * and then be cut. The client sees the stream complete and reconnects elsewhere with Last-Event-ID.
 */
class LiveEventsShutdownTest {

    @Test
    void replicaShuttingDownEndsItsStreamsCleanlySoClientsReconnectElsewhere() {
        try (SharedTenant tenant = new SharedTenant(List.of(), Map.of())) {
            RunningService leaving = tenant.replica(Map.of("provisioner.jobs.enabled", false));
            String token = tenant.userToken("leaving-" + UUID.randomUUID() + "@contoso.com");
            String location = leaving.submit(token, "{\"displayName\": \"Leaving " + UUID.randomUUID() + "\", \"owners\": [\"alice@contoso.com\"]}")
                    .expectStatus().isAccepted().returnResult(JsonNode.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);
            var received = new CopyOnWriteArrayList<ServerSentEvent<String>>();
            var ended = new CompletableFuture<String>();
            leaving.http().mutate().responseTimeout(Duration.ofSeconds(60)).build().get().uri(location + "/events")
                    .accept(MediaType.TEXT_EVENT_STREAM).headers(h -> h.setBearerAuth(token)).exchange()
                    .expectStatus().isOk()
                    .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {
                    }).getResponseBody()
                    .subscribe(received::add, error -> ended.complete("error: " + error), () -> ended.complete("complete"));
            Instant deadline = Instant.now().plusSeconds(20);
            while (received.stream().noneMatch(event -> "submitted".equals(event.event()))) {
                assertThat(Instant.now()).as("no submitted event").isBefore(deadline);
                Thread.onSpinWait();
            }

            leaving.close();

            assertThat(ended.join()).isEqualTo("complete");
        }
    }
}
