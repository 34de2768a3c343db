package org.teamsprovisioner.api;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A caller over one of its limits: 429 with {@code Retry-After} (RFC 6585), as a problem document. */
final class TooManyRequestsException extends ErrorResponseException {

    private TooManyRequestsException(String detail, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, problem(detail), null);
        // Whole seconds, rounded up: a client that waits exactly this long is admitted.
        long seconds = Math.max(1, retryAfter.plusNanos(999_999_999).toSeconds());
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, detail);
        problem.setTitle("Too many requests");
        return problem;
    }

    static TooManyRequestsException rate(String calls, RateLimitProperties.Rate rate, Duration retryAfter) {
        return new TooManyRequestsException("This caller sent more " + calls + " than the " + rate.requests() + " per "
                + words(rate.per()) + " it may send; nothing was stored. Retry after the seconds in Retry-After.", retryAfter);
    }

    /** {@code 1m} as "minute", {@code 10s} as "10 seconds". */
    private static String words(Duration period) {
        long seconds = period.toSeconds();
        if (period.toNanos() % 1_000_000_000L != 0) {
            return period.toMillis() + " ms";
        }
        if (seconds % 3600 == 0) {
            return seconds == 3600 ? "hour" : seconds / 3600 + " hours";
        }
        if (seconds % 60 == 0) {
            return seconds == 60 ? "minute" : seconds / 60 + " minutes";
        }
        return seconds == 1 ? "second" : seconds + " seconds";
    }

    static TooManyRequestsException inFlight(int limit, Duration retryAfter) {
        return new TooManyRequestsException("This caller already has " + limit + " team requests being provisioned (ACCEPTED or "
                + "PROVISIONING), the most it may have at once; nothing was stored. Submit again once some of them have ended.",
                retryAfter);
    }

    static TooManyRequestsException streams(int limit, Duration retryAfter) {
        return new TooManyRequestsException("This caller already has " + limit + " event streams open on this replica, the most it "
                + "may have at once. Close one, or follow more requests by polling or with a webhook.", retryAfter);
    }
}
