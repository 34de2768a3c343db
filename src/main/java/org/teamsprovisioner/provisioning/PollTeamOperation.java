package org.teamsprovisioner.provisioning;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Step {@link Step#AWAIT_OPERATION}: reads the {@code teamsAsyncOperation} until it ends. Any status
 * other than succeeded or failed (including values added to Graph's enum later) means "still running".
 */
@Component
class PollTeamOperation implements StepHandler {

    private static final Logger log = LoggerFactory.getLogger(PollTeamOperation.class);

    private final TeamProgress graph;
    private final ProvisioningProperties properties;
    private final Clock clock;

    PollTeamOperation(TeamProgress graph, ProvisioningProperties properties, Clock clock) {
        this.graph = graph;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Mono<StepResult> run(TeamRequest request, boolean reconcileFirst) {
        TeamRequest.GraphProgress progress = request.progress();
        return graph.operation(progress.teamId(), progress.operation().id()).map(operation -> outcome(request, operation));
    }

    private StepResult outcome(TeamRequest request, TeamProgress.Operation operation) {
        TeamRequest observed = request.operationObserved(operation.status(), operation.attemptsCount(), clock.instant());
        if (operation.failed()) {
            // Graph's own text stays in the log; the request's view gets its code and a sentence of ours.
            TeamProgress.OperationError error = operation.error();
            log.warn("Team request {}: operation {} failed: {}", request.id(), request.progress().operation().id(),
                    error == null ? null : error.code() + " " + error.message());
            return StepResult.done(observed.failed(error == null || error.code() == null ? "OperationFailed" : error.code(),
                    "Microsoft Teams reported the team creation as failed; retry the request.", clock.instant()));
        }
        return StepResult.after(observed, operation.succeeded() ? Duration.ZERO : nextPoll(operation));
    }

    /** The poll interval, or Graph's Retry-After when it asks for longer, plus up to 10 % so a bulk's polls spread out. */
    private Duration nextPoll(TeamProgress.Operation poll) {
        Duration wait = poll.retryAfterHint().filter(hint -> hint.compareTo(properties.pollInterval()) > 0)
                .orElse(properties.pollInterval());
        return wait.plusMillis(ThreadLocalRandom.current().nextLong(wait.toMillis() / 10 + 1));
    }
}
