package org.teamsprovisioner.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.teamsprovisioner.webhooks.DeliveryAttempt;
import org.teamsprovisioner.webhooks.EventTypes;
import org.teamsprovisioner.webhooks.ReadDeliveries;
import org.teamsprovisioner.webhooks.WebhookDelivery;
import org.teamsprovisioner.webhooks.WebhookSubscription;

/** What the webhooks API shows; the secret only in the answers that made it (create, rotate). */
final class WebhookViews {

    private WebhookViews() {
    }

    /** @param types CloudEvents types
     * @param managedBy {@code api}, or {@code configuration} for a subscription made there (read-only)
     * @param secret {@code whsec_...}; only in the answer to the create or rotation that made it
     * @param previousSecretValidUntil until then deliveries carry a second signature, with the previous secret */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SubscriptionView(UUID id, URI url, List<String> types, String status, String disabledReason, String managedBy, String name,
            Instant createdAt, Instant previousSecretValidUntil, String secret) {

        static SubscriptionView of(WebhookSubscription s, boolean withSecret) {
            Instant previousUntil = s.previousSecret() == null ? null : s.previousSecretUntil();
            return new SubscriptionView(s.id(), s.url(), s.types().stream().sorted().map(EventTypes::of).toList(), s.status().name(),
                    s.disabledReason(), s.configured() ? "configuration" : "api", s.configName(), s.createdAt(), previousUntil,
                    withSecret ? s.secret() : null);
        }
    }

    record SubscriptionList(List<SubscriptionView> items) {
    }

    /** @param url where to send: https (http only where the deployment allows it)
     * @param types CloudEvents types, e.g. {@code org.teamsprovisioner.teamrequest.succeeded} */
    record SubscriptionBody(String url, List<String> types) {
    }

    /** @param id the {@code webhook-id} every attempt of it carries
     * @param status {@code PENDING}, {@code DELIVERED}, {@code FAILED} (given up, refused, or 410), {@code CANCELLED} */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DeliveryView(String id, UUID requestId, long eventId, String type, String status, int attempts, Instant nextAttemptAt,
            Integer lastStatusCode, Long lastLatencyMs, String lastError, Instant createdAt, Instant deliveredAt,
            List<AttemptView> recentAttempts) {

        static DeliveryView of(WebhookDelivery d, List<DeliveryAttempt> attempts) {
            return new DeliveryView(d.id(), d.requestId(), d.eventId(), EventTypes.of(d.eventType()), d.status().name(), d.attempts(),
                    d.status() == WebhookDelivery.Status.PENDING ? d.nextAttemptAt() : null, d.lastStatusCode(), d.lastLatencyMs(),
                    d.lastError(), d.createdAt(), d.deliveredAt(), attempts.stream().map(AttemptView::of).toList());
        }

        static DeliveryView of(ReadDeliveries.DeliveryHistory history) {
            return of(history.delivery(), history.attempts());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AttemptView(int attempt, Instant at, Integer statusCode, long latencyMs, String error) {

        static AttemptView of(DeliveryAttempt a) {
            return new AttemptView(a.attempt(), a.at(), a.statusCode(), a.latencyMs(), a.error());
        }
    }

    record DeliveryList(List<DeliveryView> items) {
    }
}
