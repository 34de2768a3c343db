package org.teamsprovisioner.provisioning;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What callers read of a team request: its progress, without the requested spec. Reads are the
 * service's most frequent calls (portals follow their requests), and the spec is the one part they
 * do not show; loading it costs a JSON parse per row.
 *
 * @param nextRunAt when its job runs next, where the store read it (one request's read); else null
 */
public record RequestSummary(
        UUID id,
        String requester,
        String displayName,
        RequestStatus status,
        String teamId,
        String webUrl,
        TeamRequest.GraphOperation operation,
        TeamRequest.Failure error,
        Instant createdAt,
        Instant updatedAt,
        Instant nextRunAt) {

    // A request that is not terminal always has a job; this covers a read between its row and its job's.
    private static final Duration UNKNOWN_NEXT_RUN = Duration.ofSeconds(5);
    // The step runs at its job's time and its change is stored a Graph call later.
    private static final Duration STEP_RUNNING = Duration.ofSeconds(1);

    public static RequestSummary of(TeamRequest request) {
        return new RequestSummary(request.id(), request.requester(), request.spec().displayName(), request.status(),
                request.progress().teamId(), request.progress().webUrl(), request.progress().operation(), request.error(), request.createdAt(),
                request.updatedAt(), null);
    }

    /**
     * How long a caller polling the request should wait before its next read: until its job's next
     * step is due and has run. Empty once the request is terminal, as nothing will change then.
     */
    public Optional<Duration> nextChangeIn(Instant now) {
        if (status.isTerminal()) {
            return Optional.empty();
        }
        if (nextRunAt == null) {
            return Optional.of(UNKNOWN_NEXT_RUN);
        }
        Duration untilDue = Duration.between(now, nextRunAt);
        return Optional.of(untilDue.isNegative() ? STEP_RUNNING : untilDue.plus(STEP_RUNNING));
    }
}
