package org.teamsprovisioner.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.teamsprovisioner.provisioning.RequestEvent;
import org.teamsprovisioner.provisioning.StoredRequests;
import org.teamsprovisioner.provisioning.TeamRequest;
import org.teamsprovisioner.provisioning.TeamRequestConflictException;
import org.teamsprovisioner.provisioning.TeamRequestStore;

/**
 * The webhook stores and the fan-out over them, on each database the service runs on. The service
 * runs with {@code provisioner.webhooks.enabled=false}, so no fan-out or delivery worker of its own
 * takes the events or deliveries a scenario makes; the requests' jobs are due tomorrow. Each
 * scenario starts with every event published and ends with its subscriptions disabled.
 * Redelivery is also checked over HTTP, where its conflict is a problem document.
 */
interface WebhookStoreScenarios {

    /** The service under test; the scenarios take its stores and use cases from it. */
    ApplicationContext context();

    default WebhookDeliveryStore deliveries() {
        return context().getBean(WebhookDeliveryStore.class);
    }

    default WebhookSubscriptionStore subscriptions() {
        return context().getBean(WebhookSubscriptionStore.class);
    }

    default FanOutEvents fanOut() {
        return context().getBean(FanOutEvents.class);
    }

    default TeamRequestStore requests() {
        return context().getBean(TeamRequestStore.class);
    }

    default RedeliverWebhook redeliverWebhook() {
        return context().getBean(RedeliverWebhook.class);
    }

    default DatabaseClient db() {
        return context().getBean(DatabaseClient.class);
    }

    /** The service under test over HTTP (ServiceTestSupport). */
    org.springframework.test.web.reactive.server.WebTestClient http();

    String appToken(String app, String... roles);

    default StoredRequests stored() {
        return new StoredRequests(requests());
    }

    @BeforeEach
    default void nothingLeftToFanOut() {
        deliveries().markAllPublished(now()).block();
    }

    @AfterEach
    default void subscriptionsDisabled() {
        for (WebhookSubscription active : subscriptions().active().collectList().block()) {
            subscriptions().disable(active.id(), "scenario over", now()).block();
        }
    }

    // --- nothing sent for a change that rolled back

    @Test
    default void aSaveThatLosesItsOptimisticLockLeavesNoEventSoNothingIsFannedOutForIt() {
        String owner = "lock-app-" + UUID.randomUUID();
        WebhookSubscription subscription = subscribe(owner);
        TeamRequest submitted = stored().submitted(owner);
        stored().retried(submitted);

        Throwable stale = catchThrowable(() -> stored().saveStale(submitted));
        fanOut().run().block();

        assertThat(stale).isInstanceOf(java.util.ConcurrentModificationException.class);
        assertThat(deliveriesOf(subscription)).extracting(WebhookDelivery::eventId, WebhookDelivery::eventType)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(1L, RequestEvent.Type.SUBMITTED),
                        org.assertj.core.groups.Tuple.tuple(2L, RequestEvent.Type.STEP_RETRYING));
        assertThat(unpublished()).isZero();
    }

    @Test
    default void aCancelRefusedBecauseTheJobIsPickedLeavesNoEventSoNoCancelledIsDelivered() {
        String owner = "cancel-app-" + UUID.randomUUID();
        WebhookSubscription subscription = subscribe(owner);
        TeamRequest submitted = stored().submitted(owner);
        StoredRequests.pickJob(db(), submitted);

        Throwable refused = catchThrowable(() -> stored().cancel(submitted));
        fanOut().run().block();

        assertThat(refused).isInstanceOf(TeamRequestConflictException.class);
        assertThat(deliveriesOf(subscription)).extracting(WebhookDelivery::eventType).containsExactly(RequestEvent.Type.SUBMITTED);
        assertThat(requests().findEvents(submitted.id(), 0, 10).collectList().block()).extracting(RequestEvent::type)
                .containsExactly(RequestEvent.Type.SUBMITTED);
    }

    // --- the fan-out and the outbox marker

    @Test
    default void fanOutMakesOneDeliveryPerEventAndMarksEachEventOnce() {
        String owner = "once-app-" + UUID.randomUUID();
        WebhookSubscription subscription = subscribe(owner);
        TeamRequest first = stored().retried(stored().submitted(owner));
        TeamRequest second = stored().submitted(owner);

        int created = fanOut().run().block();
        Map<String, OffsetDateTime> marked = publishedAt(first, second);
        int again = fanOut().run().block();

        assertThat(created).isEqualTo(3);
        assertThat(again).isZero();
        assertThat(marked).hasSize(3).doesNotContainValue(null);
        assertThat(publishedAt(first, second)).as("marked once, not again").isEqualTo(marked);
        List<WebhookDelivery> made = deliveriesOf(subscription);
        assertThat(made).extracting(d -> d.requestId() + "/" + d.eventId())
                .containsExactlyInAnyOrder(first.id() + "/1", first.id() + "/2", second.id() + "/1");
        assertThat(made).allSatisfy(delivery -> {
            assertThat(delivery.status()).isEqualTo(WebhookDelivery.Status.PENDING);
            assertThat(jobs(delivery.id())).as("its job, in the same transaction").isEqualTo(1);
        });
    }

    @Test
    default void withNoActiveSubscriptionOneUpdateMarksEveryEventAndMakesNoDelivery() {
        String owner = "nobody-listens-" + UUID.randomUUID();
        WebhookSubscription disabled = subscribe(owner);
        subscriptions().disable(disabled.id(), "gone", now()).block();
        stored().retried(stored().submitted(owner));
        stored().submitted("someone-else-" + UUID.randomUUID());
        assertThat(unpublished()).isEqualTo(3);

        int created = fanOut().run().block();

        assertThat(created).isZero();
        assertThat(unpublished()).isZero();
        assertThat(deliveriesOf(disabled)).isEmpty();
    }

    @Test
    default void eventsOfRequestsTheSubscriberMayNotSeeAreMarkedButNotDelivered() {
        String owner = "own-only-" + UUID.randomUUID();
        WebhookSubscription subscription = subscribe(owner);
        TeamRequest own = stored().submitted(owner);
        stored().submitted("another-app-" + UUID.randomUUID());

        fanOut().run().block();

        assertThat(deliveriesOf(subscription)).extracting(WebhookDelivery::requestId).containsExactly(own.id());
        assertThat(unpublished()).isZero();
    }

    // --- the deliveries list

    @Test
    default void deliveriesAreListedNewestFirstAndKeepOnlyTheirLatestAttempts() {
        String owner = "listed-app-" + UUID.randomUUID();
        WebhookSubscription subscription = subscribe(owner);
        Instant start = now();
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            TeamRequest request = stored().submitted(owner);
            Instant at = start.plusSeconds(i);
            deliveries().fanOut(10, at, events -> reactor.core.publisher.Mono.just(events.stream()
                    .filter(event -> event.requestId().equals(request.id()))
                    .map(event -> newDelivery(subscription, event, at)).toList())).block();
            made.add(deliveriesOf(subscription).stream().filter(d -> d.requestId().equals(request.id())).findFirst().orElseThrow().id());
        }

        assertThat(deliveries().recent(subscription.id(), 2).map(WebhookDelivery::id).collectList().block())
                .containsExactly(made.get(2), made.get(1));

        WebhookDelivery delivery = deliveries().find(made.get(0)).block();
        for (int attempt = 1; attempt <= 5; attempt++) {
            DeliveryAttempt failed = new DeliveryAttempt(attempt, start.plusSeconds(10 + attempt), 503, 12, "the receiver answered 503");
            delivery = delivery.after(failed, WebhookDelivery.Status.PENDING, start.plusSeconds(20 + attempt));
            deliveries().recordAttempt(delivery, failed, 3).block();
        }
        assertThat(deliveries().attempts(delivery.id()).map(DeliveryAttempt::attempt).collectList().block()).containsExactly(5, 4, 3);
        WebhookDelivery saved = deliveries().find(delivery.id()).block();
        assertThat(saved.attempts()).isEqualTo(5);
        assertThat(saved.lastStatusCode()).isEqualTo(503);
        assertThat(saved.nextAttemptAt()).isEqualTo(start.plusSeconds(25));
    }

    // --- redelivery

    @Test
    default void redeliveryWhileTheFinishedJobsRowIsStillThereIsAConflictNotAFailure() {
        String token = appToken("redeliver-race-" + UUID.randomUUID(), WebhookDeliveryH2Test.SUBMIT, WebhookDeliveryH2Test.WEBHOOKS);
        UUID subscriptionId = UUID.fromString(http().post().uri("/api/v1/webhooks").headers(h -> h.setBearerAuth(token))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("url", "https://hooks.example.org/race", "types", EventTypes.all()))
                .exchange().expectStatus().isCreated()
                .expectBody(tools.jackson.databind.JsonNode.class).returnResult().getResponseBody().get("id").asString());
        WebhookSubscription subscription = subscriptions().find(subscriptionId).block();
        String owner = subscription.owner();
        stored().submitted(owner);
        fanOut().run().block();
        WebhookDelivery pending = deliveriesOf(subscription).get(0);
        // The worker saved DELIVERED; db-scheduler removes the job's row right after: this is that moment.
        DeliveryAttempt delivered = new DeliveryAttempt(1, now(), 200, 5, null);
        deliveries().recordAttempt(pending.after(delivered, WebhookDelivery.Status.DELIVERED, null), delivered, 20).block();
        Subscriber subscriber = new Subscriber(owner, false, true);

        Throwable early = catchThrowable(() -> redeliverWebhook().redeliver(subscription.id(), pending.id(), subscriber).block());

        assertThat(early).isInstanceOf(WebhookConflictException.class).hasMessageContaining("try again");
        String redeliver = "/api/v1/webhooks/" + subscription.id() + "/deliveries/" + pending.id() + "/redeliver";
        http().post().uri(redeliver).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("try again"));
        assertThat(deliveries().find(pending.id()).block().status()).as("unchanged").isEqualTo(WebhookDelivery.Status.DELIVERED);
        assertThat(jobs(pending.id())).isEqualTo(1);

        // db-scheduler's removal of the finished job; then the redelivery goes through.
        db().sql("delete from webhook_tasks where task_instance = :id").bind("id", pending.id()).fetch().rowsUpdated().block();
        http().post().uri(redeliver).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isAccepted();

        assertThat(deliveries().find(pending.id()).block().status()).isEqualTo(WebhookDelivery.Status.PENDING);
        assertThat(jobs(pending.id())).isEqualTo(1);
    }

    // --- helpers

    private WebhookSubscription subscribe(String owner) {
        Instant created = now().minus(Duration.ofMinutes(1));
        return subscriptions().insert(new WebhookSubscription(UUID.randomUUID(), owner, false, null,
                java.net.URI.create("https://hooks.example.org/" + owner), Set.of(RequestEvent.Type.values()), WebhookSecret.generate(),
                null, null, WebhookSubscription.Status.ACTIVE, null, created, created)).block();
    }

    private List<WebhookDelivery> deliveriesOf(WebhookSubscription subscription) {
        return deliveries().recent(subscription.id(), 100).collectList().block();
    }

    private static NewDelivery newDelivery(WebhookSubscription subscription, UnpublishedEvent event, Instant at) {
        return new NewDelivery("msg_" + UUID.randomUUID().toString().replace("-", ""), subscription.id(), event.requestId(), event.id(),
                event.type(), Map.of("id", event.requestId() + "/" + event.id()), at, at.plus(Duration.ofHours(1)));
    }

    default long unpublished() {
        return db().sql("select count(*) as n from team_request_event where published_at is null")
                .map(row -> row.get("n", Long.class)).one().block();
    }

    default long jobs(String deliveryId) {
        return db().sql("select count(*) as n from webhook_tasks where task_instance = :id").bind("id", deliveryId)
                .map(row -> row.get("n", Long.class)).one().block();
    }

    private Map<String, OffsetDateTime> publishedAt(TeamRequest... requests) {
        Map<String, OffsetDateTime> marked = new java.util.TreeMap<>();
        for (TeamRequest request : requests) {
            db().sql("select id, published_at from team_request_event where request_id = :id").bind("id", request.id())
                    .map(row -> Map.entry(request.id() + "/" + row.get("id", Long.class), row.get("published_at", OffsetDateTime.class)))
                    .all().doOnNext(entry -> marked.put(entry.getKey(), entry.getValue())).blockLast();
        }
        return marked;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
