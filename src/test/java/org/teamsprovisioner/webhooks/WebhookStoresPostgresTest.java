package org.teamsprovisioner.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.teamsprovisioner.support.PostgresDatabase;
import org.teamsprovisioner.support.SandboxPostgresTest;
import org.teamsprovisioner.support.SandboxServiceTest;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * On a PostgreSQL database of its own: the scenarios mark every event of their database published,
 * which the shared test database's other services must not see.
 */
@TestPropertySource(properties = "provisioner.webhooks.enabled=false")
class WebhookStoresPostgresTest extends SandboxServiceTest implements WebhookStoreScenarios {

    @Autowired
    ApplicationContext context;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        SandboxPostgresTest.use(PostgresDatabase.fresh(), registry);
    }

    /**
     * Replica A's fan-out holds the oldest events locked (its plan waits) while replica B's runs: B
     * takes the others at once instead of waiting (SKIP LOCKED), and no event makes two deliveries.
     */
    @Test
    void twoFanOutsAtOnceTakeDisjointEventsAndMakeEachDeliveryOnce() throws Exception {
        String owner = "concurrent-app-" + UUID.randomUUID();
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            made.add(stored().submitted(owner).id());
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        WebhookSubscription subscription = subscriptions().insert(new WebhookSubscription(UUID.randomUUID(), owner, false, null,
                java.net.URI.create("https://hooks.example.org/concurrent"), java.util.Set.of(org.teamsprovisioner.provisioning.RequestEvent.Type.SUBMITTED),
                WebhookSecret.generate(), null, null, WebhookSubscription.Status.ACTIVE, null, now.minusSeconds(60), now.minusSeconds(60))).block();
        Sinks.One<Boolean> locked = Sinks.one();
        Sinks.One<Boolean> release = Sinks.one();
        List<UnpublishedEvent> seenByA = new ArrayList<>();
        List<UnpublishedEvent> seenByB = new ArrayList<>();

        CompletableFuture<Integer> a = deliveries().fanOut(2, now, events -> {
            seenByA.addAll(events);
            locked.tryEmitValue(true);
            return release.asMono().thenReturn(deliveriesFor(subscription, events, now));
        }).toFuture();
        locked.asMono().block(Duration.ofSeconds(30));
        Integer b = deliveries().fanOut(10, now, events -> {
            seenByB.addAll(events);
            return Mono.just(deliveriesFor(subscription, events, now));
        }).block(Duration.ofSeconds(30));
        release.tryEmitValue(true);
        Integer byA = a.get(30, TimeUnit.SECONDS);

        assertThat(byA).isEqualTo(2);
        assertThat(b).isEqualTo(2);
        assertThat(seenByA).hasSize(2);
        assertThat(seenByB).hasSize(2).doesNotContainAnyElementsOf(seenByA);
        List<UUID> taken = new ArrayList<>();
        seenByA.forEach(event -> taken.add(event.requestId()));
        seenByB.forEach(event -> taken.add(event.requestId()));
        assertThat(taken).containsExactlyInAnyOrderElementsOf(made);
        assertThat(unpublished()).isZero();
        assertThat(fanOut().run().block()).as("nothing left for a third").isZero();
        assertThat(deliveries().recent(subscription.id(), 10).map(WebhookDelivery::requestId).collectList().block())
                .containsExactlyInAnyOrderElementsOf(made);
    }

    private static List<NewDelivery> deliveriesFor(WebhookSubscription subscription, List<UnpublishedEvent> events, Instant now) {
        return events.stream().map(event -> new NewDelivery("msg_" + UUID.randomUUID().toString().replace("-", ""), subscription.id(),
                event.requestId(), event.id(), event.type(), Map.of("id", event.requestId() + "/" + event.id()), now,
                now.plus(Duration.ofHours(1)))).toList();
    }

    @Override
    public ApplicationContext context() {
        return context;
    }
}
