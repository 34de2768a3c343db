package org.teamsprovisioner.api;

import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.teamsprovisioner.request.Caller;
import org.teamsprovisioner.security.JwtProperties;
import org.teamsprovisioner.webhooks.Subscriber;
import org.teamsprovisioner.webhooks.WebhookProperties;

/** Who is calling: Entra's immutable object id ({@code oid}) when present, else the token subject, with the app roles that matter. */
@Component
class Callers {

    private final String readAllAuthority;
    private final String manageAllAuthority;
    private final String webhooksAuthority;

    Callers(JwtProperties properties, WebhookProperties webhooks) {
        this.readAllAuthority = "ROLE_" + properties.readAllRole();
        this.manageAllAuthority = "ROLE_" + properties.manageAllRole();
        this.webhooksAuthority = "ROLE_" + webhooks.role();
    }

    String id(JwtAuthenticationToken caller) {
        String oid = caller.getToken().getClaimAsString("oid");
        return oid != null && !oid.isBlank() ? oid : caller.getToken().getSubject();
    }

    Caller caller(JwtAuthenticationToken caller) {
        return new Caller(id(caller), hasAuthority(caller, readAllAuthority), hasAuthority(caller, manageAllAuthority));
    }

    /** The caller as the webhooks see it: its own subscriptions, with the webhooks role to change them. */
    Subscriber subscriber(JwtAuthenticationToken caller) {
        return new Subscriber(id(caller), hasAuthority(caller, readAllAuthority), hasAuthority(caller, webhooksAuthority));
    }

    private static boolean hasAuthority(JwtAuthenticationToken caller, String authority) {
        return caller.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }
}
