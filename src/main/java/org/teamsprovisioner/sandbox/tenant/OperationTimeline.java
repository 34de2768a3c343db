package org.teamsprovisioner.sandbox.tenant;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import org.teamsprovisioner.sandbox.settings.SandboxProperties;

/**
 * How a createTeam operation progresses. Status is a pure function of the creation instant and
 * "now", instead of a background job flipping flags, so tests move a clock instead of sleeping
 * and two pollers at the same instant always agree.
 */
public final class OperationTimeline {

    /**
     * The operation as seen at one instant.
     *
     * @param status the status at that instant
     * @param lastActionAt when the operation last changed status
     */
    public record Snapshot(OperationStatus status, Instant lastActionAt) {

        public boolean succeeded() {
            return status == OperationStatus.SUCCEEDED;
        }
    }

    private final Duration notStarted;
    private final Duration inProgress;
    private final String failureMarker;
    private final double failureRate;
    private final Random fate;

    public OperationTimeline(SandboxProperties.Operations operations) {
        this.notStarted = operations.notStarted();
        this.inProgress = operations.inProgress();
        this.failureMarker = operations.failureMarker();
        this.failureRate = operations.failureRate();
        this.fate = new Random(operations.seed());
    }

    /**
     * Decided once, at creation: a displayName with the marker dooms the operation, and so does a
     * draw below the failure rate. Every created team takes exactly one draw from a generator
     * seeded with {@code operations.seed}, so the n-th team of a run has the same fate in every
     * run with that seed, whatever the marker decided for the teams before it. (Teams created
     * concurrently take their draws in arrival order, which only a sequential test fixes.)
     */
    boolean fails(String displayName) {
        boolean drawn = fate.nextDouble() < failureRate;
        return drawn || (displayName != null && displayName.contains(failureMarker));
    }

    public String failureMarker() {
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
