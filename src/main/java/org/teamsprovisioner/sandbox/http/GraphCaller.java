package org.teamsprovisioner.sandbox.http;

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
public record GraphCaller(String appId, Set<String> roles, boolean appOnly, String tenantId) {

    public GraphCaller {
        roles = Set.copyOf(roles);
    }

    GraphCaller(String appId, Set<String> roles, boolean appOnly) {
        this(appId, roles, appOnly, null);
    }

    public boolean hasAnyRole(Set<String> accepted) {
        return roles.stream().anyMatch(accepted::contains);
    }

    /** The app part of the throttling key; a token without an app id shares one bucket. */
    public String throttlingAppId() {
        return appId != null ? appId : "";
    }

    /** The tenant part of the throttling key. */
    public String throttlingTenantId() {
        return tenantId != null ? tenantId : "";
    }
}
