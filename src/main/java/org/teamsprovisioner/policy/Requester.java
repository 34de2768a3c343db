package org.teamsprovisioner.policy;

/**
 * Who asks for a team, from their token.
 *
 * @param id the stable id requests are filed under, and the only thing the requester is recognised
 *     by: Entra's object id ({@code oid}), else the subject
 * @param userPrincipalName the sign-in name the token states ({@code upn} or {@code preferred_username}).
 *     Never used to recognise the requester, neither among the owners nor for their directory
 *     profile: users and admins can change it, and Entra documents {@code preferred_username} as
 *     mutable, so it may name someone else.
 * @param managesAll holds the manage-all app role (the service desk), which may also turn a group
 *     it does not own into a team
 */
public record Requester(String id, String userPrincipalName, boolean managesAll) {

    public Requester(String id, String userPrincipalName) {
        this(id, userPrincipalName, false);
    }

    public Requester managingAll(boolean managesAll) {
        return new Requester(id, userPrincipalName, managesAll);
    }
}
