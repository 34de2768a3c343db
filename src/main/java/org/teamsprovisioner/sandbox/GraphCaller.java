package org.teamsprovisioner.sandbox;

import java.util.Set;

/**
 * Who calls Graph, as read from a verified token.
 *
 * @param appId the {@code appid} claim
 * @param roles the app roles ({@code roles} claim), empty when none
 * @param appOnly whether the token is app-only ({@code idtyp=app}); Create team imposes extra
 *        rules on app-only callers
 */
record GraphCaller(String appId, Set<String> roles, boolean appOnly) {

    GraphCaller {
        roles = Set.copyOf(roles);
    }

    boolean hasAnyRole(Set<String> accepted) {
        return roles.stream().anyMatch(accepted::contains);
    }
}
