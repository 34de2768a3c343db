package org.teamsprovisioner.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Makes the stored configured subscriptions those of {@code provisioner.webhooks.subscriptions}, at
 * start: a platform team's receiver is set up with the deployment, not through the API. Their id
 * follows from their name, so every replica agrees on it; they receive every request's events.
 */
@Service
public class SyncConfiguredSubscriptions {

    private final WebhookSubscriptionStore store;
    private final WebhookProperties properties;
    private final Clock clock;

    SyncConfiguredSubscriptions(WebhookSubscriptionStore store, WebhookProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    public Mono<Void> sync() {
        WebhookUrls urls = new WebhookUrls(properties.allowHttp(), new Networks(properties.allowedNetworks()));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<WebhookSubscription> configured = new ArrayList<>();
        for (WebhookProperties.Configured entry : properties.subscriptions()) {
            String where = "provisioner.webhooks.subscriptions[" + entry.name() + "]";
            {
                try {
                    urls.check(entry.url().toString());
                } catch (InvalidWebhookException bad) {
                    throw new IllegalStateException(where + ".url " + bad.getMessage());
                }
            }
            try {
                WebhookSecret.key(entry.secret());
            } catch (IllegalArgumentException bad) {
                throw new IllegalStateException(where + ".secret: " + bad.getMessage());
            }
            SubscribeToEvents.Command types;
            try {
                types = new SubscribeToEvents.Command(new Subscriber("config:" + entry.name(), true, true), entry.url().toString(), entry.types());
            } catch (InvalidWebhookException bad) {
                throw new IllegalStateException(where + ".types: " + bad.getMessage());
            }
            configured.add(new WebhookSubscription(UUID.nameUUIDFromBytes(("config:" + entry.name()).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    "config:" + entry.name(), true, entry.name(), entry.url(), types.eventTypes(), entry.secret(), null, null,
                    WebhookSubscription.Status.ACTIVE, null, now, now));
        }
        return store.syncConfigured(configured);
    }
}
