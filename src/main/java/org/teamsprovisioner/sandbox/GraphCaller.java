package org.teamsprovisioner.sandbox;

import java.util.Set;

/**
 * Who calls Graph, as read from a verified token.
 *
 * @param appId the {@code appid} claim (v1 tokens), else the {@code azp} claim (v2 tokens)
 * @param roles the app roles ({@code roles} claim), empty when none
 * @param appOnly whether the token is app-only ({@code idtyp=app}); Create team imposes extra
 *        rules on app-only callers
 * @param tenantId the {@code tid} claim; Graph throttles per app per tenant
 */
record GraphCaller(String appId, Set<String> roles, boolean appOnly, String tenantId) {

    GraphCaller {
        roles = Set.copyOf(roles);
    }

    GraphCaller(String appId, Set<String> roles, boolean appOnly) {
        this(appId, roles, appOnly, null);
    }

    boolean hasAnyRole(Set<String> accepted) {
        return roles.stream().anyMatch(accepted::contains);
    }

    /** The app part of the throttling key; a token without an app id shares one bucket. */
    String throttlingAppId() {
        return appId != null ? appId : "";
    }

    /** The tenant part of the throttling key. */
    String throttlingTenantId() {
        return tenantId != null ? tenantId : "";
    }
}
