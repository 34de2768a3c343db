package org.teamsprovisioner.sandbox;

import java.time.Duration;
import java.time.Instant;

/**
 * How a createTeam operation progresses. Status is a pure function of the creation instant and
 * "now", instead of a background job flipping flags, so tests move a clock instead of sleeping
 * and two pollers at the same instant always agree.
 */
final class OperationTimeline {

    /**
     * The operation as seen at one instant.
     *
     * @param status the status at that instant
     * @param lastActionAt when the operation last changed status
     */
    record Snapshot(OperationStatus status, Instant lastActionAt) {

        boolean succeeded() {
            return status == OperationStatus.SUCCEEDED;
        }
    }

    private final Duration notStarted;
    private final Duration inProgress;
    private final String failureMarker;

    OperationTimeline(SandboxProperties.Operations operations) {
        this.notStarted = operations.notStarted();
        this.inProgress = operations.inProgress();
        this.failureMarker = operations.failureMarker();
    }

    /** Decided once, at creation: a displayName with the marker dooms the operation. */
    boolean fails(String displayName) {
        return displayName != null && displayName.contains(failureMarker);
    }

    String failureMarker() {
        return failureMarker;
    }

    Snapshot at(Instant createdAt, boolean failing, Instant now) {
        Instant started = createdAt.plus(notStarted);
        Instant ended = started.plus(inProgress);
        if (now.isBefore(started)) {
            return new Snapshot(OperationStatus.NOT_STARTED, createdAt);
        }
        if (now.isBefore(ended)) {
            return new Snapshot(OperationStatus.IN_PROGRESS, started);
        }
        return new Snapshot(failing ? OperationStatus.FAILED : OperationStatus.SUCCEEDED, ended);
    }
}
