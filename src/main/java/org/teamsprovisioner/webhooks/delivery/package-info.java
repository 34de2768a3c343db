/**
 * Delivery of webhooks: a db-scheduler of its own (table {@code webhook_tasks}, its own threads), so
 * receivers never hold provisioning's workers; the fan-out as its recurring task and one execution
 * per delivery; the HTTP sender on Reactor Netty (one resolution, the address checked and connected
 * to, no redirects, a timeout per attempt).
 */
package org.teamsprovisioner.webhooks.delivery;
