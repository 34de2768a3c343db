package org.teamsprovisioner.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.teamsprovisioner.provisioning.InMemoryProvisioning.direct;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.teamsprovisioner.provisioning.RequestEvent.Type;
import org.teamsprovisioner.request.Caller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/** Following a history: what is there, then what the watch says is new, in order, once each, until the end. */
class FollowTeamRequestTest {

    private final InMemoryProvisioning provisioning = new InMemoryProvisioning();
    private final Sinks.Many<Long> newest = Sinks.many().multicast().directBestEffort();
    private final HistoryWatch watch = requestId -> newest.asFlux();
    private final FollowTeamRequest follow = new FollowTeamRequest(new ReadTeamRequests(provisioning.store), provisioning.store, watch);

    private Flux<RequestEvent> follow(UUID id, long after) {
        return follow.follow(id, new Caller(InMemoryProvisioning.ALICE, false, false), after).block();
    }

    @Test
    void followerGetsWhatIsThereThenEachNewEventOnceAndTheStreamEndsAfterSucceeded() {
        UUID id = provisioning.submit(direct("Followed"));

        StepVerifier.create(follow(id, 0).map(RequestEvent::type))
                .expectNext(Type.SUBMITTED)
                .then(() -> {
                    provisioning.runNextStep(id);
                    // Signals repeat (each poll reports the newest id): nothing is sent twice.
                    newest.tryEmitNext(Long.MAX_VALUE);
                    newest.tryEmitNext(Long.MAX_VALUE);
                })
                .expectNext(Type.TEAM_ID_KNOWN, Type.STEP_REACHED)
                .then(() -> {
                    provisioning.runToEnd(id);
                    newest.tryEmitNext(Long.MAX_VALUE);
                })
                .thenConsumeWhile(type -> type != Type.SUCCEEDED)
                .expectNext(Type.SUCCEEDED)
                .expectComplete()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void signalOfAnIdTheFollowerHasReadsNothing() {
        UUID id = provisioning.submit(direct("Known"));

        StepVerifier.create(follow(id, 0).map(RequestEvent::id))
                .expectNext(1L)
                .then(() -> newest.tryEmitNext(1L))
                .expectNoEvent(Duration.ofMillis(200))
                .thenCancel()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void resumingAfterTheLastEventOfAFinishedRequestEndsAtOnceAndResumingEarlierSendsTheRest() {
        UUID id = provisioning.submit(direct("Finished"));
        provisioning.runToEnd(id);
        List<RequestEvent> all = provisioning.store.events(id);

        StepVerifier.create(follow(id, all.size())).expectComplete().verify(Duration.ofSeconds(5));
        StepVerifier.create(follow(id, 2).map(RequestEvent::id))
                .expectNextSequence(all.subList(2, all.size()).stream().map(RequestEvent::id).toList())
                .expectComplete()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void anotherCallersRequestCannotBeFollowed() {
        UUID id = provisioning.submit(direct("Not yours"));

        assertThat(follow.follow(id, new Caller("mallory@contoso.com", false, false), 0).blockOptional()).isEmpty();
        assertThat(follow.follow(id, new Caller("auditor@contoso.com", true, false), 0).blockOptional()).isPresent();
    }
}
