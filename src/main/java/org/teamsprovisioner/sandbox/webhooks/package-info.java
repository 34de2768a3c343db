/**
 * A webhook receiver for the service's webhook sender and for portal developers: a stand-in for a
 * portal's endpoint under {@code /sandbox/webhooks/{name}}
 * ({@link org.teamsprovisioner.sandbox.webhooks.WebhooksHandler}). It records each delivery
 * (Standard Webhooks headers, the CloudEvent's attributes, the raw body), checks the signature when
 * a secret was set for the name (its own verifier: the sandbox shares no code with the service),
 * and answers as told ({@code _behaviour}) so that a sender's retries can be exercised without
 * writing a server. Everything is in memory and bounded ({@code provisioner.sandbox.webhooks.*}).
 *
 * <p>A room beside {@code entra}, {@code directory} and {@code teams}: it uses only
 * {@code settings} and {@code http} (the simulator's JSON), and {@code routes} wires it in.
 */
package org.teamsprovisioner.sandbox.webhooks;
