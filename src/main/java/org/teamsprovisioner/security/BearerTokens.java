package org.teamsprovisioner.security;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The bearer token of the {@code Authorization} header (RFC 6750 section 2.1), checked in one pass
 * over its characters. Spring Security's own converter matches a regular expression over the whole
 * header, and on a JWT of a kilobyte or two that match was about 4.6 % of a status read's CPU (JFR,
 * docs/benchmarks.md). A header of another scheme, or none, is no token (the entry point answers
 * {@code token.missing}); {@code Bearer} followed by anything but one b64token is a malformed token,
 * {@code invalid_token} as RFC 6750 section 3.1 names it. Tokens in the query string are not taken
 * (RFC 6750 section 2.3 advises against them), as before.
 */
final class BearerTokens implements ServerAuthenticationConverter {

    private static final String SCHEME = "Bearer";

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        return Mono.fromCallable(() -> token(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION)))
                .map(BearerTokenAuthenticationToken::new);
    }

    /** The token, or null when the header is absent or of another scheme; a malformed bearer token is refused. */
    static String token(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        int start = SCHEME.length() + 1;
        int length = authorization.length();
        if (length <= start || authorization.charAt(start - 1) != ' ') {
            throw malformed();
        }
        // b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
        int i = start;
        while (i < length && isTokenChar(authorization.charAt(i))) {
            i++;
        }
        if (i == start) {
            throw malformed();
        }
        while (i < length && authorization.charAt(i) == '=') {
            i++;
        }
        if (i != length) {
            throw malformed();
        }
        return authorization.substring(start);
    }

    private static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }

    private static InvalidBearerTokenException malformed() {
        return new InvalidBearerTokenException("Bearer token is malformed");
    }
}
