package org.teamsprovisioner.provisioning;

import java.time.Instant;
import java.util.UUID;

/**
 * A team request and how far provisioning got. Immutable: every transition returns the next state,
 * which the job persists before it runs the next step.
 *
 * @param teamId known as soon as Graph accepts the creation, before the team exists
 * @param operation the Graph {@code teamsAsyncOperation} being followed, once known
 * @param stepAttempts failed tries of the current step, reset when a step completes
 * @param version optimistic-locking version of the stored row
 */
public record TeamRequest(
        UUID id,
        String requester,
        TeamSpec spec,
        RequestStatus status,
        Step step,
        String teamId,
        GraphOperation operation,
        String webUrl,
        Failure error,
        int stepAttempts,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    /** @param status Graph's value as sent ({@code notStarted}, {@code inProgress}, ...) */
    public record GraphOperation(String id, String status, int attemptsCount) {
    }

    /** @param code Graph's error code when Graph refused, or one of ours */
    public record Failure(String code, String message) {
    }

    static TeamRequest accept(UUID id, NewTeamRequest command, Instant now) {
        return new TeamRequest(id, command.requester(), command.spec(), RequestStatus.ACCEPTED, Step.CREATE_TEAM,
                null, null, null, null, 0, now, now, 0);
    }

    TeamRequest creationAccepted(String teamId, String operationId, Instant now) {
        return new TeamRequest(id, requester, spec, RequestStatus.PROVISIONING, Step.AWAIT_OPERATION, teamId,
                new GraphOperation(operationId, "notStarted", 0), webUrl, null, 0, createdAt, now, version);
    }

    TeamRequest operationObserved(String status, int attemptsCount, Instant now) {
        Step next = "succeeded".equalsIgnoreCase(status) ? Step.READ_TEAM : step;
        return new TeamRequest(id, requester, spec, RequestStatus.PROVISIONING, next, teamId,
                new GraphOperation(operation.id(), status, attemptsCount), webUrl, null, next == step ? stepAttempts : 0,
                createdAt, now, version);
    }

    TeamRequest succeeded(String webUrl, Instant now) {
        return new TeamRequest(id, requester, spec, RequestStatus.SUCCEEDED, Step.DONE, teamId, operation, webUrl,
                null, 0, createdAt, now, version);
    }

    /** Keeps the step that failed, so that a retry can resume there. */
    TeamRequest failed(String code, String message, Instant now) {
        return new TeamRequest(id, requester, spec, RequestStatus.FAILED, step, teamId, operation, webUrl,
                new Failure(code, message), stepAttempts, createdAt, now, version);
    }

    /** Whether no Graph call has been made for this request yet, so it can still be withdrawn. */
    boolean isUntouched() {
        return status == RequestStatus.ACCEPTED && step == Step.CREATE_TEAM && teamId == null && operation == null
                && stepAttempts == 0;
    }

    TeamRequest cancelled(Instant now) {
        return new TeamRequest(id, requester, spec, RequestStatus.CANCELLED, Step.DONE, teamId, operation, webUrl,
                null, stepAttempts, createdAt, now, version);
    }

    /** A FAILED request back at the step that failed, error cleared, tries counted afresh. */
    TeamRequest retried(Instant now) {
        Step from = retryStep();
        if (from == Step.CREATE_TEAM) {
            // A new creation: the ids of a failed one must not be followed again.
            return new TeamRequest(id, requester, spec, RequestStatus.ACCEPTED, Step.CREATE_TEAM, null, null, null,
                    null, 0, createdAt, now, version);
        }
        return new TeamRequest(id, requester, spec, RequestStatus.PROVISIONING, from, teamId, operation, webUrl, null, 0,
                createdAt, now, version);
    }

    Step retryStep() {
        // Graph's own operation failed: reading it again would fail again; only a new creation can succeed.
        if (operation != null && "failed".equalsIgnoreCase(operation.status())) {
            return Step.CREATE_TEAM;
        }
        if (step != Step.DONE) {
            return step;
        }
        // Rows that failed before the failed step was kept: the step follows from what Graph returned.
        if (teamId == null || operation == null) {
            return Step.CREATE_TEAM;
        }
        return "succeeded".equalsIgnoreCase(operation.status()) ? Step.READ_TEAM : Step.AWAIT_OPERATION;
    }

    TeamRequest stepFailedTransiently(Instant now) {
        return new TeamRequest(id, requester, spec, status, step, teamId, operation, webUrl, error, stepAttempts + 1,
                createdAt, now, version);
    }

    /** For stores: the same state as saved under a new optimistic-locking version. */
    public TeamRequest withVersion(long newVersion) {
        return new TeamRequest(id, requester, spec, status, step, teamId, operation, webUrl, error, stepAttempts,
                createdAt, updatedAt, newVersion);
    }
}
