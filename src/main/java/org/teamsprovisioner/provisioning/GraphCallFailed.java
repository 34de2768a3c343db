package org.teamsprovisioner.provisioning;

import java.time.Duration;
import java.util.Optional;

/**
 * A Graph call made for a step did not succeed, in the terms step logic decides on: what kind of
 * failure it is, whether Graph may have acted on it anyway, and how long Graph asked to wait. The
 * {@code graph} adapter translates its own errors into this at the edge, so the steps never see
 * HTTP. The message is Graph's (or Entra ID's) own text, which can name client ids, tenants and
 * hosts: it is for the log; a request's view gets {@link #code()} and {@link #summary()}.
 */
public class GraphCallFailed extends RuntimeException {

    /** What the step can do about a failure. */
    public enum Kind {
        /**
         * Nothing is wrong with the request: the workload is throttled (a 429 here or on another
         * replica) or its circuit breaker is open. Waiting for {@link #retryAfter()} costs no try.
         */
        POSTPONED,
        /** Worth another try: a 5xx Graph documents as retryable, or no answer at all. */
        TRANSIENT,
        /** Graph does not find what the call names (404); it is eventually consistent. */
        NOT_FOUND,
        /** Graph says it exists already (409). */
        CONFLICT,
        /** Graph will not do it as asked (another 4xx), or its answer cannot be used: trying again would not help. */
        REFUSED
    }

    private final Kind kind;
    private final boolean ambiguous;
    private final Duration retryAfter;
    private final int status;
    private final String code;
    private final String summary;

    /**
     * @param ambiguous the call was a POST whose answer was lost or was a 5xx: Graph may have acted on it
     * @param retryAfter Graph's {@code Retry-After} (or the wait a pause or breaker asks for), or null
     * @param status the HTTP status for the log, 0 when no answer came
     * @param code Graph's {@code error.code}, or one of the adapter's such as {@code ServiceUnreachable}
     * @param summary what a portal may be told next to the code
     * @param message Graph's own text, for the log only
     */
    public GraphCallFailed(Kind kind, boolean ambiguous, Duration retryAfter, int status, String code, String summary,
            String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.ambiguous = ambiguous;
        this.retryAfter = retryAfter;
        this.status = status;
        this.code = code;
        this.summary = summary;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * The call was a POST that timed out, lost its connection after sending, or got a 5xx (or a 202
     * that could not be read): Graph may have acted on it, so it must not be sent again before
     * checking what exists.
     */
    public boolean isAmbiguous() {
        return ambiguous;
    }

    public boolean isPostponement() {
        return kind == Kind.POSTPONED;
    }

    public boolean isTransient() {
        return kind == Kind.TRANSIENT;
    }

    public boolean isNotFound() {
        return kind == Kind.NOT_FOUND;
    }

    public boolean isConflict() {
        return kind == Kind.CONFLICT;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String summary() {
        return summary;
    }
}
