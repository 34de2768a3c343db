package org.teamsprovisioner.security;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 as RFC 9457 problem documents with a stable {@code code} and a short message. Which
 * check refused the token (signature, issuer, audience, expiry) is logged with the exchange's
 * correlation id, never told to the caller: it would guide someone probing with forged tokens. The
 * {@code WWW-Authenticate} header keeps RFC 6750's error codes, without a description.
 */
final class ProblemSecurityHandlers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemSecurityHandlers.class);

    private final JsonMapper json;
    private final String missingPermission;
    private final String wantedScope;

    ProblemSecurityHandlers(JsonMapper json, JwtProperties properties) {
        this.json = json;
        // Names what the caller's app registration lacks: configuration the portal developer must fix, no token detail.
        this.missingPermission = "The token does not carry this API's permission: the delegated scope " + properties.userScope()
                + " for a user's token, or the app role " + properties.appRole() + " for an application's own token.";
        this.wantedScope = "Bearer error=\"insufficient_scope\", scope=\"" + properties.userScope() + "\"";
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        boolean badToken = failure instanceof InvalidBearerTokenException;
        log.info("401 {} {} correlationId={}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                CorrelationIds.of(exchange), reasons(failure));
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, badToken ? "Bearer error=\"invalid_token\"" : "Bearer");
        return badToken
                ? write(exchange, HttpStatus.UNAUTHORIZED, "token.rejected",
                        "The bearer token was rejected: it is malformed, expired, not yet valid or not for this API.")
                : write(exchange, HttpStatus.UNAUTHORIZED, "token.missing", "A bearer token is required (Authorization: Bearer <token>).");
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        String refusal = exchange.getAttribute(CallerPermissions.REFUSED);
        log.info("403 {} {} correlationId={}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                CorrelationIds.of(exchange), refusal != null ? refusal : reasons(denied));
        if (refusal != null) {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, wantedScope);
            return write(exchange, HttpStatus.FORBIDDEN, "token.permission_missing", missingPermission);
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
        return write(exchange, HttpStatus.FORBIDDEN, "token.insufficient", "The caller's token does not grant this operation.");
    }

    /** A path nothing is served at, told the same way whether or not the caller sent a token. */
    Mono<Void> notFound(ServerWebExchange exchange) {
        return write(exchange, HttpStatus.NOT_FOUND, "path.unknown", "Nothing is served at this path; the API is under /api/v1 (see docs/api.md).");
    }

    /**
     * A request Spring Security's firewall refuses before any chain runs (a {@code ..} segment, an
     * encoded slash or a control character in the path, a header it cannot trust): a 400 problem,
     * not the firewall's empty answer.
     */
    Mono<Void> rejected(ServerWebExchange exchange) {
        return write(exchange, HttpStatus.BAD_REQUEST, "request.rejected", "The request's path or headers hold something this API "
                + "refuses, such as a '..' segment, an encoded slash or a control character.");
    }

    /** Spring's message is often "Failed to validate the token"; the check that failed is in a cause. */
    private static String reasons(Throwable failure) {
        StringBuilder reasons = new StringBuilder(String.valueOf(failure.getMessage()));
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && reasons.indexOf(cause.getMessage()) < 0) {
                reasons.append(" / ").append(cause.getMessage());
            }
        }
        return reasons.toString();
    }

    private Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String code, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ProblemTypes.of(status.value()).toString());
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", exchange.getRequest().getPath().value());
        problem.put("code", code);
        problem.put(CorrelationIds.MEMBER, CorrelationIds.of(exchange));
        byte[] body = json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
