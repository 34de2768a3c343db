package org.teamsprovisioner.graph;

import java.time.Duration;
import java.util.Optional;

/**
 * Graph answered with an error, or could not be reached. {@code status} is 0 when no HTTP response
 * arrived (connection reset, timeout): such a failure is transient, but for a POST it is ambiguous,
 * since the request may have been processed.
 */
public class GraphException extends RuntimeException {

    /** The circuit breaker on Graph is open: the call was not made. */
    public static final String CIRCUIT_OPEN = "CircuitOpen";
    /** Another call of the workload (possibly on another replica) was throttled and its Retry-After has not passed: the call was not made. */
    public static final String TENANT_THROTTLED = "TenantThrottled";

    private final int status;
    private final String code;
    private final Duration retryAfter;
    private final boolean ambiguous;

    public GraphException(int status, String code, String message, Duration retryAfter, Throwable cause) {
        this(status, code, message, retryAfter, cause, false);
    }

    private GraphException(int status, String code, String message, Duration retryAfter, Throwable cause, boolean ambiguous) {
        super(message, cause);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
        this.ambiguous = ambiguous;
    }

    /** A call this client refused to make (breaker open, workload throttled): retry after {@code wait}. */
    static GraphException notCalled(int status, String code, String message, Duration wait) {
        return new GraphException(status, code, message, wait, null, false);
    }

    /** The same failure of a POST whose request may have reached Graph and been acted on. */
    GraphException ambiguous() {
        return new GraphException(status, code, getMessage() + " (Graph may have processed the request)", retryAfter,
                getCause(), true);
    }

    public int status() {
        return status;
    }

    /** Graph's {@code error.code}, or a code of ours such as {@code ServiceUnreachable} or {@link #CIRCUIT_OPEN}. */
    public String code() {
        return code;
    }

    /**
     * What a portal may be told, next to {@link #code()}. Graph's and Entra ID's own text (AADSTS
     * messages naming client ids and tenants, host names, request ids) is {@link #getMessage()}, for
     * the log only.
     */
    public String summary() {
        if (GraphTokenFilter.TOKEN_REQUEST_FAILED.equals(code)) {
            return "The service could not sign in to Microsoft Graph; its operators must check its credentials.";
        }
        if (isPostponement()) {
            return "Microsoft Graph is throttling the service or unavailable.";
        }
        if (status == 0) {
            return "Microsoft Graph did not answer.";
        }
        if (status == 202) {
            return "Microsoft Graph accepted the request, but its answer could not be read.";
        }
        return status >= 500 ? "Microsoft Graph failed to process the request (HTTP " + status + ")."
                : "Microsoft Graph refused the request (HTTP " + status + ").";
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Throttling (429) and the gateway errors Graph documents as retryable (503, 504), plus no answer at all. */
    public boolean isTransient() {
        return status == 0 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }

    public boolean isNotFound() {
        return status == 404;
    }

    /**
     * A POST that timed out, lost its connection after sending, or got a 5xx (or a 202 that could not
     * be read): Graph may have acted on it, so it must not be sent again before checking what exists.
     * A 429 or another 4xx is never ambiguous: Graph refused the request.
     */
    public boolean isAmbiguous() {
        return ambiguous;
    }

    /**
     * The work must wait, through no fault of the request: the workload is throttled (a 429 here or
     * on another replica) or its circuit breaker is open. A job reschedules for {@link #retryAfter()}
     * without counting a failed try.
     */
    public boolean isPostponement() {
        return status == 429 || CIRCUIT_OPEN.equals(code);
    }

    /** True when this client refused the call itself, so nothing reached Graph. */
    boolean wasNotCalled() {
        return CIRCUIT_OPEN.equals(code) || TENANT_THROTTLED.equals(code);
    }
}
