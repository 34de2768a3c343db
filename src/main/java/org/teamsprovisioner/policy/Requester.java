package org.teamsprovisioner.policy;

/**
 * Who asks for a team, from their token.
 *
 * @param id the stable id requests are filed under: Entra's object id ({@code oid}), else the subject
 * @param userPrincipalName the sign-in name, when the token carries one; used to recognise the
 *     requester among owners listed by UPN
 */
public record Requester(String id, String userPrincipalName) {
}
