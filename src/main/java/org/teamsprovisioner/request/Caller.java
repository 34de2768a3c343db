package org.teamsprovisioner.request;

/**
 * Who calls, as every use case sees them: the API's callers are portals acting for a user, or
 * applications acting for themselves, each with the app roles Entra put in its token.
 *
 * @param id the stable id requests are filed under and the only thing a caller is recognised by:
 *     Entra's object id ({@code oid}), else the token subject. Never the sign-in name a token
 *     states ({@code upn}, {@code preferred_username}): users and admins can change it, and Entra
 *     documents {@code preferred_username} as mutable, so it may name someone else.
 * @param readsAll holds the app role that may read every request (support, auditors)
 * @param managesAll holds the app role that may act on every request and turn a group it does not
 *     own into a team (the service desk)
 */
public record Caller(String id, boolean readsAll, boolean managesAll) {

    public Caller {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id is required");
        }
    }

    /** A caller without any of the API's app roles. */
    public static Caller of(String id) {
        return new Caller(id, false, false);
    }

    /** Whether the caller may see a request filed by {@code requester}. */
    public boolean mayRead(String requester) {
        return readsAll || id.equals(requester);
    }

    /** Whether the caller may retry or cancel a request filed by {@code requester}. */
    public boolean mayActOn(String requester) {
        return managesAll || id.equals(requester);
    }
}
