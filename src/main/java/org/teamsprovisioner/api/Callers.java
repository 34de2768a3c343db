package org.teamsprovisioner.api;

import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.teamsprovisioner.policy.Requester;
import org.teamsprovisioner.provisioning.Actor;
import org.teamsprovisioner.provisioning.ReadTeamRequests;
import org.teamsprovisioner.security.JwtProperties;

/** Who is calling: Entra's immutable object id ({@code oid}) when present, else the token subject. */
@Component
class Callers {

    private final String readAllAuthority;
    private final String manageAllAuthority;

    Callers(JwtProperties properties) {
        this.readAllAuthority = "ROLE_" + properties.readAllRole();
        this.manageAllAuthority = "ROLE_" + properties.manageAllRole();
    }

    String id(JwtAuthenticationToken caller) {
        String oid = caller.getToken().getClaimAsString("oid");
        return oid != null && !oid.isBlank() ? oid : caller.getToken().getSubject();
    }

    /** Entra puts the sign-in name in {@code upn} (v1 tokens) or {@code preferred_username} (v2). */
    Requester requester(JwtAuthenticationToken caller) {
        String upn = caller.getToken().getClaimAsString("upn");
        return new Requester(id(caller), upn != null ? upn : caller.getToken().getClaimAsString("preferred_username"));
    }

    ReadTeamRequests.Reader reader(JwtAuthenticationToken caller) {
        return new ReadTeamRequests.Reader(id(caller), hasAuthority(caller, readAllAuthority));
    }

    Actor actor(JwtAuthenticationToken caller) {
        return new Actor(id(caller), hasAuthority(caller, manageAllAuthority));
    }

    private static boolean hasAuthority(JwtAuthenticationToken caller, String authority) {
        return caller.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }
}
