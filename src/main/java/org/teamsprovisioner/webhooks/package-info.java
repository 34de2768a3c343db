/**
 * Signed webhooks: applications subscribe to the events of the team requests they may see, and the
 * service delivers each event as a CloudEvents 1.0 JSON document signed per the Standard Webhooks
 * specification, from the event log as its transactional outbox.
 *
 * <p>Use cases: {@code SubscribeToEvents}, {@code ListSubscriptions}, {@code Unsubscribe},
 * {@code RotateWebhookSecret}, {@code ReadDeliveries}, {@code RedeliverWebhook}; and, run by the
 * delivery jobs, {@code FanOutEvents} (events to deliveries, in the events' own marking transaction)
 * and {@code DeliverWebhook} (one attempt of one delivery: ordering, retries, 410). Ports, implemented
 * outside: {@code WebhookSubscriptionStore}, {@code WebhookDeliveryStore} (webhooks.store),
 * {@code WebhookJobRows}, {@code WebhookSender}, {@code WebhookQueue} (webhooks.delivery) and
 * {@code RequestViews} (api, so a receiver reads the same status view as a portal). Free of web,
 * R2DBC and db-scheduler types (ArchitectureTest).
 */
package org.teamsprovisioner.webhooks;
