package org.teamsprovisioner.sandbox.entra;

import java.text.ParseException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.nimbusds.jwt.JWTClaimsSet;

import org.springframework.http.HttpHeaders;
import org.teamsprovisioner.sandbox.http.GraphCaller;
import org.teamsprovisioner.sandbox.http.GraphException;
import org.teamsprovisioner.sandbox.http.MicrosoftGraph;

/**
 * Validates the bearer token of a Graph call the way Graph does: signed by the (sandbox) Entra
 * ID, within its lifetime, and issued for Graph. There is no clock-skew allowance because the
 * issuer and Graph share one clock here. Messages are Graph's own, so a client's logs read the
 * same against the sandbox and against Graph.
 */
public final class GraphAuthenticator {

    /** Graph accepts tokens for either form of its resource identifier. */
    private static final Set<String> GRAPH_AUDIENCES =
            Set.of(MicrosoftGraph.RESOURCE, MicrosoftGraph.RESOURCE + "/", MicrosoftGraph.APP_ID);

    private final SandboxIssuer issuer;

    public GraphAuthenticator(SandboxIssuer issuer) {
        this.issuer = issuer;
    }

    public GraphCaller authenticate(HttpHeaders headers, Instant now) {
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || authorization.substring(7).isBlank()) {
            throw GraphException.invalidToken("Access token is empty.");
        }
        JWTClaimsSet claims;
        try {
            claims = issuer.verifiedClaims(authorization.substring(7).strip());
        }
        catch (ParseException ex) {
            throw GraphException.invalidToken("CompactToken parsing failed with error code: 80049217");
        }
        catch (SecurityException ex) {
            throw GraphException.invalidToken("Access token validation failure. Invalid signature.");
        }
        if (claims.getExpirationTime() == null || !now.isBefore(claims.getExpirationTime().toInstant())) {
            throw GraphException.invalidToken("Lifetime validation failed, the token is expired.");
        }
        if (claims.getNotBeforeTime() != null && now.isBefore(claims.getNotBeforeTime().toInstant())) {
            throw GraphException.invalidToken("Lifetime validation failed, the token is not yet valid.");
        }
        if (claims.getAudience() == null || claims.getAudience().stream().noneMatch(GRAPH_AUDIENCES::contains)) {
            throw GraphException.invalidToken("Access token validation failure. Invalid audience.");
        }
        String appId = stringClaim(claims, "appid") != null ? stringClaim(claims, "appid") : stringClaim(claims, "azp");
        return new GraphCaller(appId, roles(claims), "app".equals(stringClaim(claims, "idtyp")),
                stringClaim(claims, "tid"));
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof String string ? string : null;
    }

    private static Set<String> roles(JWTClaimsSet claims) {
        Object value = claims.getClaim("roles");
        Set<String> roles = new HashSet<>();
        if (value instanceof List<?> list) {
            list.forEach(role -> roles.add(String.valueOf(role)));
        }
        return roles;
    }
}
