package org.teamsprovisioner.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Subscriptions, stored (webhooks.store). */
public interface WebhookSubscriptionStore {

    Mono<WebhookSubscription> insert(WebhookSubscription subscription);

    Mono<WebhookSubscription> find(UUID id);

    Mono<Long> countOwnedBy(String owner);

    /** The owner's subscriptions, and with {@code configured} those made in configuration too; oldest first. */
    Flux<WebhookSubscription> list(String owner, boolean configured);

    Flux<WebhookSubscription> active();

    /** @return whether a subscription made through the API was deleted (configured ones stay) */
    Mono<Boolean> delete(UUID id);

    Mono<WebhookSubscription> updateSecrets(WebhookSubscription subscription);

    Mono<Void> disable(UUID id, String reason, Instant at);

    /** Makes the configured subscriptions those of {@code configured}: added, changed, or removed by name. */
    Mono<Void> syncConfigured(List<WebhookSubscription> configured);
}
