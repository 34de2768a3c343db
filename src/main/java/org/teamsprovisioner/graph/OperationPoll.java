package org.teamsprovisioner.graph;

import java.time.Duration;
import java.util.Optional;

/**
 * One read of a {@code teamsAsyncOperation}.
 *
 * @param retryAfter the {@code Retry-After} Graph put on the answer, if any: when to look again
 */
public record OperationPoll(TeamsAsyncOperation operation, Duration retryAfter) {

    public Optional<Duration> retryAfterHint() {
        return Optional.ofNullable(retryAfter);
    }
}
