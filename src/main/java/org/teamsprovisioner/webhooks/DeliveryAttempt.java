package org.teamsprovisioner.webhooks;

import java.time.Instant;

/**
 * One try of a delivery, as the deliveries list shows it.
 *
 * @param statusCode the receiver's HTTP status; null when it gave none (refused, timeout, connection failed)
 * @param error why it did not count as delivered, safe to show the subscriber; null when delivered
 */
public record DeliveryAttempt(int attempt, Instant at, Integer statusCode, long latencyMs, String error) {
}
