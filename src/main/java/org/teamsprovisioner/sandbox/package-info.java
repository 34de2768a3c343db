/**
 * A minimal, stateful, in-process Microsoft Graph simulator for the {@code sandbox} profile.
 *
 * <p>No machine that runs the sandbox reaches Microsoft Graph or Entra ID, so this package plays
 * both, on the service's own port: a token endpoint for the service's API
 * ({@code POST /sandbox/token}), the Entra ID v2 client-credentials endpoint
 * ({@code POST /sandbox/login/{tenant}/oauth2/v2.0/token}), the Graph "Create team" API with its
 * asynchronous operation under {@code /sandbox/graph/v1.0} and {@code /sandbox/graph/beta}, JSON
 * batching ({@code POST /$batch}, each inner request handled as a call of its own), and a
 * read-only window into the fake tenant ({@code GET /sandbox/graph/_state}).
 *
 * <p>Behind those APIs sits a small fake tenant: a directory of users ({@code GET /users/{id}},
 * against which every {@code user@odata.bind} is resolved), groups ({@code /groups}, with the
 * replication delay before Teams sees a new one; {@code GET /users?$filter=... in (...)} and
 * {@code directoryObjects/getByIds} to resolve many users at once), teams made from groups, and a team's
 * channels, files folders and members (see docs/sandbox.md).
 *
 * <p>The service's Graph client talks to it over real HTTP, so the wire format (status codes,
 * headers, error shapes, OData key syntax) follows the Graph documentation rather than what would
 * be convenient. Only {@link org.teamsprovisioner.sandbox.SandboxConfiguration} and
 * {@link org.teamsprovisioner.sandbox.settings.SandboxProperties} are public; everything else is a small
 * package-private collaborator so the simulator can grow (groups, throttling, fault injection,
 * the full validation rule set) without leaking into the service.
 */
package org.teamsprovisioner.sandbox;
