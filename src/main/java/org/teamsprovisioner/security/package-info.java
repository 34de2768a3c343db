/**
 * Who may call what. Deny by default: {@code /api/**} for callers whose Entra ID token carries the
 * API's delegated scope or app role, actuator where it is served, the simulator's paths only in the
 * sandbox, and a 404 problem for anything else. Verified tokens are cached; every 401, 403 and
 * firewall refusal is a problem document with the exchange's correlation id. {@code prod} refuses
 * to start beside the simulator. See docs/security.md.
 */
package org.teamsprovisioner.security;
