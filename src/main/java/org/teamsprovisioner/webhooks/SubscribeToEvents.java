package org.teamsprovisioner.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.teamsprovisioner.provisioning.RequestEvent;
import reactor.core.publisher.Mono;

/** A calling application subscribes a URL to event types; the secret is shown in this answer only. */
@Service
public class SubscribeToEvents {

    /** @param types CloudEvents types, e.g. {@code org.teamsprovisioner.teamrequest.succeeded} */
    public record Command(Subscriber subscriber, String url, List<String> types) {

        public Command {
            if (subscriber == null) {
                throw new IllegalArgumentException("subscriber is required");
            }
            if (types == null || types.isEmpty()) {
                throw new InvalidWebhookException("/types", "must name at least one event type, e.g. " + EventTypes.of(RequestEvent.Type.SUCCEEDED));
            }
            for (int i = 0; i < types.size(); i++) {
                if (EventTypes.parse(types.get(i)).isEmpty()) {
                    throw new InvalidWebhookException("/types/" + i, "is not an event type; one of " + EventTypes.all());
                }
            }
            types = List.copyOf(types);
        }

        Set<RequestEvent.Type> eventTypes() {
            Set<RequestEvent.Type> set = EnumSet.noneOf(RequestEvent.Type.class);
            types.forEach(type -> set.add(EventTypes.parse(type).orElseThrow()));
            return set;
        }
    }

    private final WebhookSubscriptionStore store;
    private final WebhookUrls urls;
    private final WebhookProperties properties;
    private final Clock clock;

    SubscribeToEvents(WebhookSubscriptionStore store, WebhookProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.urls = new WebhookUrls(properties.allowHttp(), new Networks(properties.allowedNetworks()));
        this.clock = clock;
    }

    public Mono<WebhookSubscription> subscribe(Command command) {
        Subscriber subscriber = command.subscriber();
        if (!subscriber.managesWebhooks()) {
            return Mono.error(new WebhookForbiddenException("Managing webhooks needs the app role " + properties.role() + "."));
        }
        var url = urls.check(command.url());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        WebhookSubscription subscription = new WebhookSubscription(UUID.randomUUID(), subscriber.id(), subscriber.readsAll(), null,
                url, command.eventTypes(), WebhookSecret.generate(), null, null, WebhookSubscription.Status.ACTIVE, null, now, now);
        return store.countOwnedBy(subscriber.id())
                .flatMap(owned -> owned >= properties.maxSubscriptionsPerOwner()
                        ? Mono.error(new WebhookConflictException("An application may have " + properties.maxSubscriptionsPerOwner()
                                + " subscriptions; delete one first."))
                        : store.insert(subscription));
    }
}
