package org.teamsprovisioner.graph;

import java.time.Duration;
import java.util.Optional;

/**
 * Graph answered with an error, or could not be reached. {@code status} is 0 when no HTTP response
 * arrived (connection reset, timeout): such a failure is transient, but for a POST it is ambiguous,
 * since the request may have been processed.
 */
public class GraphException extends RuntimeException {

    private final int status;
    private final String code;
    private final Duration retryAfter;

    public GraphException(int status, String code, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    /** Graph's {@code error.code}, or a code of ours such as {@code ServiceUnreachable}. */
    public String code() {
        return code;
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
}
