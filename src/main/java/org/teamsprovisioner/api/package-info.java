/**
 * HTTP in: the {@code /api/v1} endpoints portals call. Controllers turn a request into a use-case
 * command (who calls, from the token; what they ask, from the JSON) and a result into a view; every
 * error leaves as an RFC 9457 problem document ({@code ApiProblems}). The per-caller rate limits live
 * here, since they refuse a call before its body is read. No business rule is decided here.
 */
package org.teamsprovisioner.api;
