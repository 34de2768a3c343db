package org.teamsprovisioner.provisioning;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.teamsprovisioner.provisioning.ProvisioningSteps.Outcome;
import org.teamsprovisioner.request.TeamSpec;

/**
 * A team request and how far provisioning got. Immutable: every transition returns the next state,
 * which the job persists before it runs the next step. Its state comes in parts (what Graph has
 * made, the POST that may be pending, the group, the error), so a transition replaces the part it
 * is about; the step and status it moves to come from {@link ProvisioningSteps}.
 *
 * @param progress what Graph has made for it so far
 * @param pending a POST that may have reached Graph without its result being stored; null when none
 * @param group the Microsoft 365 group the team is made from (group-first or existing group); null when none
 * @param stepAttempts failed tries of the current step, reset when a step completes
 * @param deadlineAt when this run of the request must have ended (set on submit and on retry)
 * @param version optimistic-locking version of the stored row
 */
public record TeamRequest(
        UUID id,
        String requester,
        TeamSpec spec,
        RequestStatus status,
        Step step,
        GraphProgress progress,
        PendingCall pending,
        Group group,
        Failure error,
        int stepAttempts,
        Instant createdAt,
        Instant updatedAt,
        Instant deadlineAt,
        long version) {

    public TeamRequest {
        progress = progress == null ? GraphProgress.NONE : progress;
    }

    /**
     * What Graph has made for the request.
     *
     * @param teamId known as soon as Graph accepts the creation, before the team exists
     * @param operation the Graph {@code teamsAsyncOperation} being followed, once known
     * @param membersAdded owners and members added after creation with {@code members/add}, in order
     */
    public record GraphProgress(String teamId, GraphOperation operation, String webUrl, int membersAdded) {

        static final GraphProgress NONE = new GraphProgress(null, null, null, 0);

        GraphProgress accepted(String newTeamId, String operationId) {
            return new GraphProgress(newTeamId, new GraphOperation(operationId, "notStarted", 0), webUrl, membersAdded);
        }

        GraphProgress adopted(String existingTeamId) {
            return new GraphProgress(existingTeamId, operation, webUrl, membersAdded);
        }

        GraphProgress observed(String status, int attemptsCount) {
            return new GraphProgress(teamId, new GraphOperation(operation.id(), status, attemptsCount), webUrl, membersAdded);
        }

        GraphProgress ready(String newWebUrl) {
            return new GraphProgress(teamId, operation, newWebUrl, membersAdded);
        }

        GraphProgress membersAddedUpTo(int added) {
            return new GraphProgress(teamId, operation, webUrl, added);
        }
    }

    /** @param status Graph's value as sent ({@code notStarted}, {@code inProgress}, ...) */
    public record GraphOperation(String id, String status, int attemptsCount) {
    }

    /**
     * @param call {@code POST /groups} or {@code POST /teams}; the next run reconciles before re-sending
     * @param since when that POST was about to be sent
     */
    public record PendingCall(String call, Instant since) {
    }

    /** @param createdAt when the group was created, for Graph's replication window; null until known */
    public record Group(String id, Instant createdAt) {
    }

    /** @param code Graph's error code when Graph refused, or one of ours */
    public record Failure(String code, String message) {
    }

    static TeamRequest accept(UUID id, NewTeamRequest command, Instant now, Duration deadline) {
        TeamSpec spec = command.spec();
        return new TeamRequest(id, command.requester(), spec, RequestStatus.ACCEPTED, ProvisioningSteps.firstStep(spec),
                GraphProgress.NONE, null, spec.existingGroupId() == null ? null : new Group(spec.existingGroupId(), null), null, 0,
                now, now, now.plus(deadline), 0);
    }

    /** A Graph POST is about to be sent; stored first, so a crash or an ambiguous answer leads to reconciliation. */
    TeamRequest sending(String call, Instant now) {
        return change(now).pending(new PendingCall(call, now)).build();
    }

    /** The pending POST was refused or its outcome is now known: nothing is pending any more. */
    TeamRequest settled(Instant now) {
        return change(now).pending(null).build();
    }

    boolean hasPendingCall() {
        return pending != null;
    }

    TeamRequest groupCreated(String newGroupId, Instant groupCreated, Instant now) {
        return completed(Outcome.GROUP_CREATED, now).group(new Group(newGroupId, groupCreated)).pending(null).build();
    }

    /**
     * An existing group's creation time, read from Graph before anything is sent, so a 404 can be
     * told apart from replication lag; nothing is pending, since no POST was sent.
     */
    TeamRequest groupSeen(Instant groupCreated, Instant now) {
        return change(now).moved(Outcome.GROUP_AGE_READ).group(new Group(group.id(), groupCreated)).pending(null).build();
    }

    /** The team exists (found by reconciliation, or Graph says the group already has one) but its operation is unknown. */
    TeamRequest teamAdopted(String existingTeamId, Instant now) {
        return completed(Outcome.TEAM_ADOPTED, now).progress(progress.adopted(existingTeamId)).pending(null).build();
    }

    TeamRequest creationAccepted(String teamId, String operationId, Instant now) {
        return completed(Outcome.TEAM_ACCEPTED, now).progress(progress.accepted(teamId, operationId)).pending(null).build();
    }

    TeamRequest operationObserved(String status, int attemptsCount, Instant now) {
        // A poll that got an answer ends a run of failed polls: only consecutive failures count.
        return completed("succeeded".equalsIgnoreCase(status) ? Outcome.OPERATION_SUCCEEDED : Outcome.OPERATION_OBSERVED, now)
                .progress(progress.observed(status, attemptsCount)).build();
    }

    /** The team exists; some owners and members still have to be added to it. */
    TeamRequest teamReady(String webUrl, Instant now) {
        return completed(Outcome.MEMBERS_TO_ADD, now).progress(progress.ready(webUrl)).pending(null).build();
    }

    TeamRequest membersAddedUpTo(int added, Instant now) {
        return completed(Outcome.MEMBERS_ADDED, now).progress(progress.membersAddedUpTo(added)).build();
    }

    /** SUCCEEDED for the portal; the job still checks the files folder later. */
    TeamRequest succeededWithFilesFolderCheck(String webUrl, Instant now) {
        return completed(Outcome.TEAM_COMPLETE, now).progress(progress.ready(webUrl)).pending(null).build();
    }

    TeamRequest succeeded(String webUrl, Instant now) {
        return completed(Outcome.TEAM_COMPLETE_UNCHECKED, now).progress(progress.ready(webUrl)).pending(null).build();
    }

    /** The follow-up is over, whatever its outcome: the team exists and the request stays SUCCEEDED. */
    TeamRequest followUpDone(Instant now) {
        return change(now).moved(Outcome.FOLLOW_UP_DONE).stepAttempts(0).build();
    }

    /** Keeps the step that failed, so that a retry can resume there. */
    TeamRequest failed(String code, String message, Instant now) {
        return change(now).moved(Outcome.FAILED).error(new Failure(code, message)).build();
    }

    TeamRequest stepFailedTransiently(Instant now) {
        return change(now).stepAttempts(stepAttempts + 1).build();
    }

    /** Whether no Graph call has been made for this request yet, so it can still be withdrawn. */
    boolean isUntouched() {
        return status == RequestStatus.ACCEPTED && ProvisioningSteps.of(step).leadsTo(Outcome.CANCELLED)
                && progress.teamId() == null && progress.operation() == null && stepAttempts == 0 && pending == null
                && (group == null || group.id() == null || group.id().equals(spec.existingGroupId()));
    }

    TeamRequest cancelled(Instant now) {
        return change(now).moved(Outcome.CANCELLED).error(null).build();
    }

    /**
     * A FAILED request back at the step that failed, error cleared, tries counted afresh and a new
     * deadline. A POST whose outcome was unknown stays pending, so the retry reconciles first.
     */
    TeamRequest retried(Instant now, Duration deadline) {
        Step from = retryStep();
        Change retried = change(now).error(null).stepAttempts(0).deadlineAt(now.plus(deadline));
        if (from == Step.CREATE_TEAM || from == Step.CREATE_GROUP) {
            // A new creation: the ids of a failed one must not be followed again. A group made for
            // this request is kept: the team is made from it.
            boolean ownGroup = group != null && group.id() != null && spec.existingGroupId() == null;
            return retried.at(from, ownGroup ? RequestStatus.PROVISIONING : RequestStatus.ACCEPTED).progress(GraphProgress.NONE).build();
        }
        return retried.at(from, RequestStatus.PROVISIONING).build();
    }

    Step retryStep() {
        GraphOperation operation = progress.operation();
        // Graph's own operation failed: reading it again would fail again; only a new creation can succeed.
        if (operation != null && "failed".equalsIgnoreCase(operation.status())) {
            return (group == null || group.id() == null) && spec.createsGroupFirst() ? Step.CREATE_GROUP : Step.CREATE_TEAM;
        }
        if (step != Step.DONE) {
            return step;
        }
        // Rows that failed before the failed step was kept: the step follows from what Graph returned.
        if (progress.teamId() == null || operation == null) {
            return Step.CREATE_TEAM;
        }
        return "succeeded".equalsIgnoreCase(operation.status()) ? Step.READ_TEAM : Step.AWAIT_OPERATION;
    }

    /** For stores: the same state as saved under a new optimistic-locking version. */
    public TeamRequest withVersion(long newVersion) {
        return new TeamRequest(id, requester, spec, status, step, progress, pending, group, error, stepAttempts, createdAt, updatedAt,
                deadlineAt, newVersion);
    }

    /** The step ended with this outcome: on to where the table says, and its failed tries are forgotten. */
    private Change completed(Outcome outcome, Instant now) {
        return change(now).moved(outcome).error(null).stepAttempts(0);
    }

    private Change change(Instant now) {
        return new Change(this, now);
    }

    /** The parts a transition replaces; the rest is carried over as it is. */
    private static final class Change {

        private final TeamRequest from;
        private RequestStatus status;
        private Step step;
        private GraphProgress progress;
        private PendingCall pending;
        private Group group;
        private Failure error;
        private int stepAttempts;
        private final Instant updatedAt;
        private Instant deadlineAt;

        Change(TeamRequest from, Instant now) {
            this.from = from;
            this.status = from.status;
            this.step = from.step;
            this.progress = from.progress;
            this.pending = from.pending;
            this.group = from.group;
            this.error = from.error;
            this.stepAttempts = from.stepAttempts;
            this.updatedAt = now;
            this.deadlineAt = from.deadlineAt;
        }

        /** To the step (and status) the table gives for this outcome of the current step. */
        Change moved(Outcome outcome) {
            ProvisioningSteps.Transition transition = ProvisioningSteps.of(from.step).transition(outcome);
            return at(transition.to(), transition.status() == null ? status : transition.status());
        }

        Change at(Step newStep, RequestStatus newStatus) {
            step = newStep;
            status = newStatus;
            return this;
        }

        Change progress(GraphProgress newProgress) {
            progress = newProgress;
            return this;
        }

        Change pending(PendingCall newPending) {
            pending = newPending;
            return this;
        }

        Change group(Group newGroup) {
            group = newGroup;
            return this;
        }

        Change error(Failure newError) {
            error = newError;
            return this;
        }

        Change stepAttempts(int attempts) {
            stepAttempts = attempts;
            return this;
        }

        Change deadlineAt(Instant newDeadline) {
            deadlineAt = newDeadline;
            return this;
        }

        TeamRequest build() {
            return new TeamRequest(from.id, from.requester, from.spec, status, step, progress, pending, group, error, stepAttempts,
                    from.createdAt, updatedAt, deadlineAt, from.version);
        }
    }
}
