package org.teamsprovisioner.webhooks;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** A subscription's recent deliveries with their kept attempts, newest first; visible as the subscription is. */
@Service
public class ReadDeliveries {

    public record DeliveryHistory(WebhookDelivery delivery, List<DeliveryAttempt> attempts) {
    }

    private final ListSubscriptions subscriptions;
    private final WebhookDeliveryStore deliveries;

    ReadDeliveries(ListSubscriptions subscriptions, WebhookDeliveryStore deliveries) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
    }

    /** Empty when the subscription is not visible to the subscriber. */
    public Mono<List<DeliveryHistory>> recent(UUID subscriptionId, Subscriber subscriber, int limit) {
        return subscriptions.find(subscriptionId, subscriber)
                .flatMap(subscription -> deliveries.recent(subscriptionId, limit)
                        .concatMap(delivery -> deliveries.attempts(delivery.id()).collectList()
                                .map(attempts -> new DeliveryHistory(delivery, attempts)))
                        .collectList());
    }
}
