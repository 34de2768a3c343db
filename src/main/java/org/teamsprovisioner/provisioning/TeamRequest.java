package org.teamsprovisioner.provisioning;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.teamsprovisioner.request.TeamSpec;

/**
 * A team request and how far provisioning got. Immutable: every transition returns the next state,
 * which the job persists before it runs the next step.
 *
 * @param teamId known as soon as Graph accepts the creation, before the team exists
 * @param operation the Graph {@code teamsAsyncOperation} being followed, once known
 * @param stepAttempts failed tries of the current step, reset when a step completes
 * @param version optimistic-locking version of the stored row
 * @param groupId the Microsoft 365 group the team is made from (group-first or existing group)
 * @param groupCreatedAt when that group was created, for Graph's replication window
 * @param pendingCall a POST that may have reached Graph without its result being stored
 *     ({@code POST /groups} or {@code POST /teams}); the next run reconciles before re-sending
 * @param pendingSince when that POST was about to be sent
 * @param deadlineAt when this run of the request must have ended (set on submit and on retry)
 * @param membersAdded owners and members added after creation with {@code members/add}, in order
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
        long version,
        String groupId,
        Instant groupCreatedAt,
        String pendingCall,
        Instant pendingSince,
        Instant deadlineAt,
        int membersAdded) {

    /** @param status Graph's value as sent ({@code notStarted}, {@code inProgress}, ...) */
    public record GraphOperation(String id, String status, int attemptsCount) {
    }

    /** @param code Graph's error code when Graph refused, or one of ours */
    public record Failure(String code, String message) {
    }

    static TeamRequest accept(UUID id, NewTeamRequest command, Instant now, Duration deadline) {
        TeamSpec spec = command.spec();
        Step first = spec.createsGroupFirst() ? Step.CREATE_GROUP : Step.CREATE_TEAM;
        return new TeamRequest(id, command.requester(), spec, RequestStatus.ACCEPTED, first,
                null, null, null, null, 0, now, now, 0, spec.existingGroupId(), null, null, null, now.plus(deadline), 0);
    }

    /** A Graph POST is about to be sent; stored first, so a crash or an ambiguous answer leads to reconciliation. */
    TeamRequest sending(String call, Instant now) {
        return new TeamRequest(id, requester, spec, status, step, teamId, operation, webUrl, error, stepAttempts,
                createdAt, now, version, groupId, groupCreatedAt, call, now, deadlineAt, membersAdded);
    }

    /** The pending POST was refused or its outcome is now known: nothing is pending any more. */
    TeamRequest settled(Instant now) {
        return new TeamRequest(id, requester, spec, status, step, teamId, operation, webUrl, error, stepAttempts,
                createdAt, now, version, groupId, groupCreatedAt, null, null, deadlineAt, membersAdded);
    }

    TeamRequest groupCreated(String newGroupId, Instant groupCreated, Instant now) {
        return new TeamRequest(id, requester, spec, RequestStatus.PROVISIONING, Step.CREATE_TEAM, teamId, operation, webUrl,
                null, 0, createdAt, now, version, newGroupId, groupCreated, null, null, deadlineAt, membersAdded);
    }

    /** The team exists (found by reconciliation, or Graph says the group already has one) but its operation is unknown. */
    TeamRequest teamAdopted(String existingTeamId, Instant now) {
        return new TeamRequest(id, requester, spec, RequestStatus.PROVISIONING, Step.READ_TEAM, existingTeamId, operation,
                webUrl, null, 0, createdAt, now, version, groupId, groupCreatedAt, null, null, deadlineAt, membersAdded);
    }

    /**
     * An existing group's creation time, read from Graph before anything is sent, so a 404 can be
     * told apart from replication lag; nothing is pending, since no POST was sent.
     */
    TeamRequest groupSeen(Instant groupCreated, Instant now) {
        return new TeamRequest(id, requester, spec, status, step, teamId, operation, webUrl, error, stepAttempts,
                createdAt, now, version, groupId, groupCreated, null, null, deadlineAt, membersAdded);
    }

    boolean hasPendingCall() {
        return pendingCall != null;
    }

    TeamRequest creationAccepted(String teamId, String operationId, Instant now) {
        return new TeamRequest(id, requester, spec, RequestStatus.PROVISIONING, Step.AWAIT_OPERATION, teamId,
                new GraphOperation(operationId, "notStarted", 0), webUrl, null, 0, createdAt, now, version, groupId,
                groupCreatedAt, null, null, deadlineAt, membersAdded);
    }

    TeamRequest operationObserved(String status, int attemptsCount, Instant now) {
        Step next = "succeeded".equalsIgnoreCase(status) ? Step.READ_TEAM : step;
        return new TeamRequest(id, requester, spec, RequestStatus.PROVISIONING, next, teamId,
                // A poll that got an answer ends a run of failed polls: only consecutive failures count.
                new GraphOperation(operation.id(), status, attemptsCount), webUrl, null, 0,
                createdAt, now, version, groupId, groupCreatedAt, pendingCall, pendingSince, deadlineAt, membersAdded);
    }

    /** The team exists; some owners and members still have to be added to it. */
    TeamRequest teamReady(String webUrl, Instant now) {
        return new TeamRequest(id, requester, spec, RequestStatus.PROVISIONING, Step.ADD_MEMBERS, teamId, operation, webUrl,
                null, 0, createdAt, now, version, groupId, groupCreatedAt, null, null, deadlineAt, membersAdded);
    }

    TeamRequest membersAddedUpTo(int added, Instant now) {
        return new TeamRequest(id, requester, spec, status, step, teamId, operation, webUrl, null, 0, createdAt, now, version,
                groupId, groupCreatedAt, pendingCall, pendingSince, deadlineAt, added);
    }

    /** SUCCEEDED for the portal; the job still checks the files folder later. */
    TeamRequest succeededWithFilesFolderCheck(String webUrl, Instant now) {
        return new TeamRequest(id, requester, spec, RequestStatus.SUCCEEDED, Step.CHECK_FILES_FOLDER, teamId, operation, webUrl,
                null, 0, createdAt, now, version, groupId, groupCreatedAt, null, null, deadlineAt, membersAdded);
    }

    /** The follow-up is over, whatever its outcome: the team exists and the request stays SUCCEEDED. */
    TeamRequest followUpDone(Instant now) {
        return new TeamRequest(id, requester, spec, status, Step.DONE, teamId, operation, webUrl, error, 0, createdAt, now,
                version, groupId, groupCreatedAt, pendingCall, pendingSince, deadlineAt, membersAdded);
    }

    TeamRequest succeeded(String webUrl, Instant now) {
        return new TeamRequest(id, requester, spec, RequestStatus.SUCCEEDED, Step.DONE, teamId, operation, webUrl,
                null, 0, createdAt, now, version, groupId, groupCreatedAt, null, null, deadlineAt, membersAdded);
    }

    /** Keeps the step that failed, so that a retry can resume there. */
    TeamRequest failed(String code, String message, Instant now) {
        return new TeamRequest(id, requester, spec, RequestStatus.FAILED, step, teamId, operation, webUrl,
                new Failure(code, message), stepAttempts, createdAt, now, version, groupId, groupCreatedAt, pendingCall,
                pendingSince, deadlineAt, membersAdded);
    }

    /** Whether no Graph call has been made for this request yet, so it can still be withdrawn. */
    boolean isUntouched() {
        return status == RequestStatus.ACCEPTED && (step == Step.CREATE_TEAM || step == Step.CREATE_GROUP) && teamId == null
                && operation == null && stepAttempts == 0 && pendingCall == null
                && (groupId == null || groupId.equals(spec.existingGroupId()));
    }

    TeamRequest cancelled(Instant now) {
        return new TeamRequest(id, requester, spec, RequestStatus.CANCELLED, Step.DONE, teamId, operation, webUrl,
                null, stepAttempts, createdAt, now, version, groupId, groupCreatedAt, pendingCall, pendingSince, deadlineAt, membersAdded);
    }

    /**
     * A FAILED request back at the step that failed, error cleared, tries counted afresh and a new
     * deadline. A POST whose outcome was unknown stays pending, so the retry reconciles first.
     */
    TeamRequest retried(Instant now, Duration deadline) {
        Step from = retryStep();
        if (from == Step.CREATE_TEAM || from == Step.CREATE_GROUP) {
            // A new creation: the ids of a failed one must not be followed again. A group made for
            // this request is kept: the team is made from it.
            boolean ownGroup = groupId != null && spec.existingGroupId() == null;
            return new TeamRequest(id, requester, spec, ownGroup ? RequestStatus.PROVISIONING : RequestStatus.ACCEPTED, from,
                    null, null, null, null, 0, createdAt, now, version, groupId, groupCreatedAt, pendingCall, pendingSince,
                    now.plus(deadline), 0);
        }
        return new TeamRequest(id, requester, spec, RequestStatus.PROVISIONING, from, teamId, operation, webUrl, null, 0,
                createdAt, now, version, groupId, groupCreatedAt, pendingCall, pendingSince, now.plus(deadline), membersAdded);
    }

    Step retryStep() {
        // Graph's own operation failed: reading it again would fail again; only a new creation can succeed.
        if (operation != null && "failed".equalsIgnoreCase(operation.status())) {
            return groupId == null && spec.createsGroupFirst() ? Step.CREATE_GROUP : Step.CREATE_TEAM;
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
                createdAt, now, version, groupId, groupCreatedAt, pendingCall, pendingSince, deadlineAt, membersAdded);
    }

    /** For stores: the same state as saved under a new optimistic-locking version. */
    public TeamRequest withVersion(long newVersion) {
        return new TeamRequest(id, requester, spec, status, step, teamId, operation, webUrl, error, stepAttempts,
                createdAt, updatedAt, newVersion, groupId, groupCreatedAt, pendingCall, pendingSince, deadlineAt, membersAdded);
    }
}
