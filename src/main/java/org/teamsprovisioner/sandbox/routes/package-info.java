/**
 * The simulator's endpoints wired together ({@link org.teamsprovisioner.sandbox.routes.SandboxRoutes}):
 * the user token, the Entra token and keys, everything under {@code /sandbox/graph/v1.0} and
 * {@code /beta}, {@code _state}, and the webhook receiver under {@code /sandbox/webhooks}. Every Graph call passes Graph's order of checks in one place,
 * {@code GraphHandler}: authentication, the gate (throttling, faults), then the API's permission
 * and request, latency and the count last; {@code POST /$batch} ("Combine multiple HTTP requests
 * using JSON batching") runs each of its requests through the same path. The top room: it may use
 * every other.
 */
package org.teamsprovisioner.sandbox.routes;
