/**
 * A minimal, stateful Microsoft Graph and Entra ID simulator: in-process on the service's own port
 * under the {@code sandbox} profile ({@link org.teamsprovisioner.sandbox.SandboxConfiguration}), or
 * alone, as the jar's second program, under the {@code graph-simulator} profile
 * ({@link org.teamsprovisioner.sandbox.GraphSimulatorApplication}).
 *
 * <p>No machine that runs the sandbox reaches Microsoft Graph or Entra ID, so the simulator plays
 * both: a token endpoint for the service's API ({@code POST /sandbox/token}), the Entra ID v2
 * client-credentials endpoint ({@code POST /sandbox/login/{tenant}/oauth2/v2.0/token}), the Graph
 * "Create team" API with its asynchronous operation under {@code /sandbox/graph/v1.0} and
 * {@code /sandbox/graph/beta}, the directory, groups and team parts, JSON batching
 * ({@code POST /$batch}), a read-only window into the fake tenant
 * ({@code GET /sandbox/graph/_state}), and a webhook receiver that stands for a portal's endpoint
 * ({@code /sandbox/webhooks/{name}}); see docs/sandbox.md.
 *
 * <p>The service's Graph client talks to it over real HTTP, so the wire format (status codes,
 * headers, error shapes, OData key syntax) follows the Graph documentation rather than what would
 * be convenient. Nothing outside this package depends on it, the service's main class included
 * (it finds the standalone program through {@link java.util.ServiceLoader}).
 *
 * <p>The simulator is laid out in rooms, each depending only on the rooms before it:
 * {@code settings}, {@code http} (Graph's wire), {@code createteam} (the Create team rule set),
 * {@code tenant} (the fake tenant's state), {@code throttling} (the gate), then {@code entra},
 * {@code directory}, {@code teams} and {@code webhooks} (the receiver, which needs only
 * {@code settings} and {@code http}) side by side, and {@code routes} (the endpoints wired
 * together). This package, on top, only wires them into Spring and into the standalone program.
 */
package org.teamsprovisioner.sandbox;
