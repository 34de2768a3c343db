package org.teamsprovisioner.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.teamsprovisioner.provisioning.RequestSummary;
import org.teamsprovisioner.provisioning.TeamRequestStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Turns committed events into deliveries: the event log is the outbox. Only committed events are
 * read, so a change that rolled back is never sent; an event is marked in the transaction that
 * creates its deliveries and their jobs, so a replica dying mid-way leaves it for the next run, and
 * none is fanned out twice. Each delivery's {@code data} is the request's status view as read here.
 */
@Service
public class FanOutEvents {

    public static final String SPEC_VERSION = "1.0";

    private final WebhookSubscriptionStore subscriptions;
    private final WebhookDeliveryStore deliveries;
    private final TeamRequestStore requests;
    private final RequestViews views;
    private final WebhookProperties properties;
    private final Clock clock;

    FanOutEvents(WebhookSubscriptionStore subscriptions, WebhookDeliveryStore deliveries, TeamRequestStore requests, RequestViews views,
            WebhookProperties properties, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.requests = requests;
        this.views = views;
        this.properties = properties;
        this.clock = clock;
    }

    /** @return the deliveries created */
    public Mono<Integer> run() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return subscriptions.active().collectList()
                // Nobody listening: one UPDATE marks what is there, instead of reading it event by event.
                .flatMap(active -> active.isEmpty() ? deliveries.markAllPublished(now).thenReturn(0)
                        : deliveries.fanOut(properties.fanOutBatch(), now, events -> plan(events, active, now)));
    }

    private Mono<List<NewDelivery>> plan(List<UnpublishedEvent> events, List<WebhookSubscription> active, Instant now) {
        Map<UnpublishedEvent, List<WebhookSubscription>> wanted = new LinkedHashMap<>();
        Set<UUID> requestIds = new LinkedHashSet<>();
        for (UnpublishedEvent event : events) {
            List<WebhookSubscription> receivers = active.stream()
                    .filter(subscription -> subscription.wants(event.type(), event.requester(), event.occurredAt())).toList();
            if (!receivers.isEmpty()) {
                wanted.put(event, receivers);
                requestIds.add(event.requestId());
            }
        }
        if (wanted.isEmpty()) {
            return Mono.just(List.of());
        }
        // One after another: this runs on the fan-out's transaction, and two queries at once on one
        // connection can stall it for good (r2dbc-postgresql answers a second while the first streams).
        return Flux.fromIterable(requestIds).concatMap(requests::findSummary)
                .collectMap(RequestSummary::id)
                .map(summaries -> {
                    List<NewDelivery> created = new ArrayList<>();
                    wanted.forEach((event, receivers) -> {
                        RequestSummary summary = summaries.get(event.requestId());
                        if (summary == null) {
                            return;
                        }
                        Map<String, Object> cloudEvent = cloudEvent(event, summary);
                        for (WebhookSubscription receiver : receivers) {
                            created.add(new NewDelivery("msg_" + UUID.randomUUID().toString().replace("-", ""), receiver.id(),
                                    event.requestId(), event.id(), event.type(), cloudEvent, now, event.occurredAt().plus(properties.maxAge())));
                        }
                    });
                    return created;
                });
    }

    /**
     * CloudEvents 1.0, structured JSON. {@code id} names the event (the same for every subscriber);
     * {@code sequence} (the CloudEvents extension) is the event's number in its request's history,
     * zero-padded so that it sorts as text.
     */
    private Map<String, Object> cloudEvent(UnpublishedEvent event, RequestSummary summary) {
        Map<String, Object> cloudEvent = new LinkedHashMap<>();
        cloudEvent.put("specversion", SPEC_VERSION);
        cloudEvent.put("id", event.requestId() + "/" + event.id());
        cloudEvent.put("source", properties.source().toString());
        cloudEvent.put("type", EventTypes.of(event.type()));
        cloudEvent.put("time", event.occurredAt().toString());
        cloudEvent.put("subject", event.requestId().toString());
        cloudEvent.put("sequence", String.format("%010d", event.id()));
        cloudEvent.put("datacontenttype", "application/json");
        cloudEvent.put("data", views.view(summary));
        return cloudEvent;
    }
}
