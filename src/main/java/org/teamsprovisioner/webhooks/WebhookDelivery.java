package org.teamsprovisioner.webhooks;

import java.time.Instant;
import java.util.UUID;
import org.teamsprovisioner.provisioning.RequestEvent;

/**
 * One event for one subscription, sent until the receiver answers 2xx or it is given up.
 *
 * @param id the {@code webhook-id}: the same on every attempt and redelivery, for receivers to drop repeats
 * @param payload the CloudEvent as built when the event was fanned out; every attempt sends these bytes
 * @param giveUpAt no attempt is scheduled after this (the event's time plus max-age)
 */
public record WebhookDelivery(String id, UUID subscriptionId, UUID requestId, long eventId, RequestEvent.Type eventType,
        String payload, Status status, int attempts, Instant nextAttemptAt, Integer lastStatusCode, Long lastLatencyMs,
        String lastError, Instant createdAt, Instant giveUpAt, Instant deliveredAt) {

    /** {@code FAILED}: given up (max age, a refused address, or 410); {@code CANCELLED}: its subscription was disabled. */
    public enum Status { PENDING, DELIVERED, FAILED, CANCELLED }

    public WebhookDelivery after(DeliveryAttempt attempt, Status status, Instant nextAttemptAt) {
        return new WebhookDelivery(id, subscriptionId, requestId, eventId, eventType, payload, status, attempt.attempt(),
                nextAttemptAt, attempt.statusCode(), attempt.latencyMs(), attempt.error(), createdAt, giveUpAt,
                status == Status.DELIVERED ? attempt.at() : deliveredAt);
    }
}
