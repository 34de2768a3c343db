package org.teamsprovisioner.webhooks;

import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Deletes one's own subscription with its deliveries; pending ones are dropped. Configured subscriptions are changed in configuration. */
@Service
public class Unsubscribe {

    private final WebhookSubscriptionStore store;
    private final ListSubscriptions subscriptions;
    private final WebhookProperties properties;

    Unsubscribe(WebhookSubscriptionStore store, ListSubscriptions subscriptions, WebhookProperties properties) {
        this.store = store;
        this.subscriptions = subscriptions;
        this.properties = properties;
    }

    /** @return true if deleted; empty if not visible to the subscriber */
    public Mono<Boolean> unsubscribe(UUID id, Subscriber subscriber) {
        if (!subscriber.managesWebhooks()) {
            return Mono.error(new WebhookForbiddenException("Managing webhooks needs the app role " + properties.role() + "."));
        }
        return subscriptions.find(id, subscriber)
                .flatMap(subscription -> subscription.configured()
                        ? Mono.error(new WebhookConflictException("Subscription " + id + " is made in configuration ("
                                + subscription.configName() + "); change provisioner.webhooks.subscriptions instead."))
                        : store.delete(id));
    }
}
