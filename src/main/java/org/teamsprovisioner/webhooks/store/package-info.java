/**
 * R2DBC adapters of the webhooks' stores: subscriptions, deliveries with their kept attempts, and the
 * outbox marker on {@code team_request_event} (V10). The fan-out's transaction inserts each delivery's
 * job row as {@code webhooks.delivery} describes it ({@code WebhookJobRows}), never naming its table.
 */
package org.teamsprovisioner.webhooks.store;
