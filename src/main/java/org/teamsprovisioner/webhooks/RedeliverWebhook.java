package org.teamsprovisioner.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Sends a finished delivery (delivered, given up or cancelled) again, with the same webhook-id and
 * body and a new retry window; a receiver that dropped it or was down past max-age gets it back.
 */
@Service
public class RedeliverWebhook {

    private final ListSubscriptions subscriptions;
    private final WebhookDeliveryStore deliveries;
    private final WebhookQueue queue;
    private final WebhookProperties properties;
    private final Clock clock;

    RedeliverWebhook(ListSubscriptions subscriptions, WebhookDeliveryStore deliveries, WebhookQueue queue, WebhookProperties properties,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.queue = queue;
        this.properties = properties;
        this.clock = clock;
    }

    /** Empty when the subscription or the delivery is not visible to the subscriber. */
    public Mono<WebhookDelivery> redeliver(UUID subscriptionId, String deliveryId, Subscriber subscriber) {
        if (!subscriber.managesWebhooks()) {
            return Mono.error(new WebhookForbiddenException("Managing webhooks needs the app role " + properties.role() + "."));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return subscriptions.find(subscriptionId, subscriber)
                .flatMap(subscription -> {
                    if (subscription.status() != WebhookSubscription.Status.ACTIVE) {
                        return Mono.error(new WebhookConflictException("Subscription " + subscriptionId + " is disabled ("
                                + subscription.disabledReason() + "); subscribe again to receive events."));
                    }
                    return deliveries.find(deliveryId).filter(delivery -> delivery.subscriptionId().equals(subscriptionId));
                })
                .flatMap(delivery -> delivery.status() == WebhookDelivery.Status.PENDING
                        ? Mono.error(new WebhookConflictException("Delivery " + deliveryId + " is still pending; its next attempt is at "
                                + delivery.nextAttemptAt() + "."))
                        : deliveries.redeliver(deliveryId, now, now.plus(properties.maxAge()))
                                .switchIfEmpty(Mono.error(() -> new WebhookConflictException("Delivery " + deliveryId + " is pending again already."))))
                .doOnNext(redelivered -> queue.wakeUp());
    }
}
