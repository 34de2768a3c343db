package org.teamsprovisioner.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Which tokens may use the API at all. Entra ID issues a token for the API's audience to any app of
 * the tenant that asks, so the audience alone proves nothing. A user's token (delegated: it has
 * {@code scp}) must carry the API's delegated scope, which the user or an admin consented to for the
 * calling app; an app's own token (client credentials: no {@code scp}, only {@code roles}) must carry
 * the app role an admin assigned to that app. The admin roles (read-all, manage-all) widen what an
 * admitted caller may reach ({@code api/Callers}); they do not admit a caller on their own.
 */
final class CallerPermissions implements ReactiveAuthorizationManager<AuthorizationContext> {

    /** Exchange attribute: why the caller was refused, for the 403 and its log line. */
    static final String REFUSED = CallerPermissions.class.getName() + ".refused";

    /** Compiled once: String.split compiles its pattern on every call, and this runs on every API request. */
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final String userScope;
    private final String appRole;

    CallerPermissions(JwtProperties properties) {
        this.userScope = properties.userScope();
        this.appRole = properties.appRole();
    }

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        return authentication.filter(JwtAuthenticationToken.class::isInstance)
                .map(caller -> decide(((JwtAuthenticationToken) caller).getToken(), context.getExchange()))
                .defaultIfEmpty(new AuthorizationDecision(false));
    }

    private AuthorizationResult decide(Jwt token, ServerWebExchange exchange) {
        Object scp = token.getClaims().get("scp");
        boolean granted;
        String refusal;
        if (scp != null) {
            granted = scopes(scp).contains(userScope);
            refusal = "user token without the scope " + userScope + " (scp: " + scp + ")";
        } else {
            List<String> roles = token.getClaimAsStringList("roles");
            granted = roles != null && roles.contains(appRole);
            refusal = "app-only token (no scp) without the app role " + appRole + " (roles: " + roles + ")";
        }
        if (!granted) {
            exchange.getAttributes().put(REFUSED, refusal);
        }
        return new AuthorizationDecision(granted);
    }

    /** Entra sends {@code scp} as one space-separated string; other issuers send a list. */
    private static List<String> scopes(Object scp) {
        if (scp instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return Arrays.asList(WHITESPACE.split(String.valueOf(scp).trim()));
    }
}
