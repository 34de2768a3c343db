/**
 * The Microsoft Graph adapter: a non-blocking {@code WebClient} with an app-only token (client
 * secret, certificate or workload identity), the few hand-written DTOs the service needs, and the
 * guards every call passes (per-workload throttling pause shared by the replicas, circuit breaker,
 * pace, retries for the calls a portal waits for). It implements the core's ports: provisioning's
 * {@code TeamCreation}, {@code TeamProgress} and {@code CallPacing}, and the policy's
 * {@code Directory} (with a cache), translating {@code GraphException} into the core's
 * {@code GraphCallFailed} at that edge. {@code TeamBodies} maps a spec to the exact
 * {@code POST /teams} body, for the adapter and the API's preview.
 */
package org.teamsprovisioner.graph;
