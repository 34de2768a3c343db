package org.teamsprovisioner.sandbox.http;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A Graph error: the HTTP status plus the {@code error.code} and {@code error.message} of
 * Graph's error body. Thrown anywhere while a Graph request is handled and turned into the
 * response by {@link GraphExchange#error}, so handlers read as the happy path.
 */
public final class GraphException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Map<String, String> headers;

    public GraphException(HttpStatus status, String code, String message) {
        this(status, code, message, Map.of());
    }

    /** @param headers extra response headers, such as a 429's Retry-After */
    GraphException(HttpStatus status, String code, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.headers = Map.copyOf(headers);
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }

    Map<String, String> headers() {
        return headers;
    }

    public static GraphException badRequest(String message) {
        return new GraphException(HttpStatus.BAD_REQUEST, "BadRequest", message);
    }

    public static GraphException notFound(String message) {
        return new GraphException(HttpStatus.NOT_FOUND, "NotFound", message);
    }

    public static GraphException invalidToken(String message) {
        return new GraphException(HttpStatus.UNAUTHORIZED, "InvalidAuthenticationToken", message);
    }

    public static GraphException forbidden(String message) {
        return new GraphException(HttpStatus.FORBIDDEN, "Authorization_RequestDenied", message);
    }

    static GraphException unsupportedMediaType(String message) {
        return new GraphException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UnsupportedMediaType", message);
    }

    public static GraphException methodNotAllowed(String message) {
        return new GraphException(HttpStatus.METHOD_NOT_ALLOWED, "BadRequest", message);
    }

    public static GraphException internal(String message) {
        return new GraphException(HttpStatus.INTERNAL_SERVER_ERROR, "InternalServerError", message);
    }

    /** Graph's throttling answer ("Microsoft Graph throttling guidance", sample response). */
    public static GraphException tooManyRequests(String message, String retryAfter) {
        return new GraphException(HttpStatus.TOO_MANY_REQUESTS, "TooManyRequests", message,
                Map.of("Retry-After", retryAfter));
    }

    public static GraphException serviceUnavailable(String message) {
        return new GraphException(HttpStatus.SERVICE_UNAVAILABLE, "ServiceUnavailable", message);
    }

    public static GraphException gatewayTimeout(String message) {
        return new GraphException(HttpStatus.GATEWAY_TIMEOUT, "GatewayTimeout", message);
    }
}
