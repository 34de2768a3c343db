package org.teamsprovisioner.provisioning;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * What provisioning asks of Graph while it follows a team Graph has accepted, until the team is
 * complete. Implemented by the {@code graph} adapter; every call fails with {@link GraphCallFailed}.
 */
public interface TeamProgress {

    /** The {@code teamsAsyncOperation} creating the team. */
    Mono<Operation> operation(String teamId, String operationId);

    /** The team, once its creation has succeeded. */
    Mono<Team> team(String teamId);

    /**
     * Adds users to the team, at most 200 per call (Graph's limit). Adding someone who is already a
     * member changes nothing, so a repeat after a lost answer is harmless.
     *
     * @return the users Graph could not add, with its reason
     */
    Mono<List<String>> addMembers(String teamId, List<String> owners, List<String> members);

    /** Reads a channel's files folder, which makes SharePoint provision it if it has not. */
    Mono<Void> touchFilesFolder(String teamId, String channelId);

    /**
     * One read of a {@code teamsAsyncOperation}. {@code status} is kept as Graph sent it: Graph's enum
     * is evolvable, so values this code does not know mean "still running".
     *
     * @param error what Graph said went wrong, when it did; null otherwise
     * @param retryAfter the {@code Retry-After} Graph put on the answer, or null: when to look again
     */
    record Operation(String status, int attemptsCount, OperationError error, Duration retryAfter) {

        public boolean succeeded() {
            return "succeeded".equalsIgnoreCase(status);
        }

        public boolean failed() {
            return "failed".equalsIgnoreCase(status);
        }

        public Optional<Duration> retryAfterHint() {
            return Optional.ofNullable(retryAfter);
        }
    }

    /** @param message Graph's own text, for the log only */
    record OperationError(String code, String message) {
    }

    /** @param generalChannelId the team's thread id, which is also its General channel's id */
    record Team(String webUrl, String generalChannelId) {
    }
}
