package org.teamsprovisioner.webhooks;

import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An application's own subscriptions; a caller with the read-all role also sees those made in
 * configuration. Anyone else's are not found, as for team requests.
 */
@Service
public class ListSubscriptions {

    private final WebhookSubscriptionStore store;

    ListSubscriptions(WebhookSubscriptionStore store) {
        this.store = store;
    }

    public Flux<WebhookSubscription> list(Subscriber subscriber) {
        return store.list(subscriber.id(), subscriber.readsAll());
    }

    /** Empty when it does not exist or the subscriber may not see it. */
    public Mono<WebhookSubscription> find(UUID id, Subscriber subscriber) {
        return store.find(id).filter(subscription -> visible(subscription, subscriber));
    }

    static boolean visible(WebhookSubscription subscription, Subscriber subscriber) {
        return subscription.owner().equals(subscriber.id()) || (subscription.configured() && subscriber.readsAll());
    }
}
