package org.teamsprovisioner.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * The streams' lifecycle: stopping ends the open ones, and a context started again (Spring's test
 * context cache pauses and restarts contexts; so may an operator) serves streams that stay open.
 */
class EventStreamsTest {

    private final EventStreams streams = new EventStreams(new EventStreamProperties(Duration.ofSeconds(15), Duration.ofSeconds(3), 10, 1000));

    private static Flux<ServerSentEvent<String>> oneEventThenQuiet() {
        return Flux.just(ServerSentEvent.builder("event").id("1").build()).concatWith(Flux.never());
    }

    @Test
    void stoppingEndsOpenStreamsAndRefusesNewOnes() {
        streams.start();
        Flux<ServerSentEvent<String>> open = streams.open("caller", oneEventThenQuiet());

        StepVerifier.create(open).expectNextCount(2).then(streams::stop).expectComplete().verify(Duration.ofSeconds(5));
        assertThat(catchThrowable(() -> streams.open("caller", oneEventThenQuiet())))
                .isInstanceOfSatisfying(ErrorResponseException.class, refused -> assertThat(refused.getStatusCode().value()).isEqualTo(503));
        assertThat(streams.openStreams()).isZero();
    }

    @Test
    void streamsOfARestartedContextStayOpen() {
        streams.start();
        streams.stop();
        streams.start();

        StepVerifier.create(streams.open("caller", oneEventThenQuiet()))
                .expectNextCount(2)
                .expectNoEvent(Duration.ofMillis(300))
                .thenCancel()
                .verify(Duration.ofSeconds(5));
        assertThat(streams.openStreams()).isZero();
    }
}
