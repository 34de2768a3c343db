package org.teamsprovisioner.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * A new secret, shown in this answer only. The previous one keeps signing beside it for
 * {@code secret-overlap}, so a receiver can switch without missing a delivery: each delivery carries
 * both signatures until then.
 */
@Service
public class RotateWebhookSecret {

    private final WebhookSubscriptionStore store;
    private final ListSubscriptions subscriptions;
    private final WebhookProperties properties;
    private final Clock clock;

    RotateWebhookSecret(WebhookSubscriptionStore store, ListSubscriptions subscriptions, WebhookProperties properties, Clock clock) {
        this.store = store;
        this.subscriptions = subscriptions;
        this.properties = properties;
        this.clock = clock;
    }

    public Mono<WebhookSubscription> rotate(UUID id, Subscriber subscriber) {
        if (!subscriber.managesWebhooks()) {
            return Mono.error(new WebhookForbiddenException("Managing webhooks needs the app role " + properties.role() + "."));
        }
        return subscriptions.find(id, subscriber)
                .flatMap(subscription -> {
                    if (subscription.configured()) {
                        return Mono.error(new WebhookConflictException("Subscription " + id
                                + " is made in configuration; its secret is changed there."));
                    }
                    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                    return store.updateSecrets(subscription.rotated(WebhookSecret.generate(), now, now.plus(properties.secretOverlap())));
                });
    }
}
