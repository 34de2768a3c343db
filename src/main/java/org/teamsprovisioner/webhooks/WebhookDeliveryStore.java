package org.teamsprovisioner.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Deliveries and the outbox marker of the event log (webhooks.store). */
public interface WebhookDeliveryStore {

    /**
     * In one transaction: locks up to {@code limit} unpublished events (skipping those another replica
     * holds), asks {@code plan} which deliveries they make, inserts those with their jobs
     * ({@link WebhookJobRows}), and marks the events published. A rollback leaves the events
     * unpublished and no delivery behind.
     *
     * @return the deliveries created
     */
    Mono<Integer> fanOut(int limit, Instant now, Function<List<UnpublishedEvent>, Mono<List<NewDelivery>>> plan);

    /** Marks every unpublished event published in one statement: what the fan-out costs while nobody subscribes. */
    Mono<Long> markAllPublished(Instant now);

    Mono<WebhookDelivery> find(String id);

    /** The earliest next attempt of a still-pending earlier event of the same subscription and request; empty if none. */
    Mono<Instant> earlierPending(WebhookDelivery delivery);

    /** Saves the delivery's new state and its attempt, keeping its latest {@code keep} attempts. */
    Mono<Void> recordAttempt(WebhookDelivery delivery, DeliveryAttempt attempt, int keep);

    Mono<Void> cancel(String id, String reason);

    /** The subscription's latest deliveries, newest first. */
    Flux<WebhookDelivery> recent(UUID subscriptionId, int limit);

    /** The delivery's kept attempts, latest first. */
    Flux<DeliveryAttempt> attempts(String deliveryId);

    /**
     * A finished delivery made pending again, due at once until {@code giveUpAt}, with a new job, in
     * one transaction; empty if it is still pending (its job still runs). Fails with
     * {@link WebhookConflictException} in the instant between its finish being saved and its job's
     * removal, and changes nothing then.
     */
    Mono<WebhookDelivery> redeliver(String id, Instant now, Instant giveUpAt);
}
