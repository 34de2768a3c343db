package org.teamsprovisioner.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.teamsprovisioner.request.TeamSpec;

/** The state transitions behind POST .../retry and .../cancel. */
class TeamRequestRetryAndCancelTest {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T0.plusSeconds(120);

    private static TeamRequest accepted() {
        TeamSpec spec = TeamSpec.requested("Apollo", null, "private", "standard", List.of("alice@contoso.com"), List.of(), List.of(), null);
        return TeamRequest.accept(UUID.randomUUID(), new NewTeamRequest("caller-1", spec), T0, java.time.Duration.ofHours(1)).withVersion(3);
    }

    @Test
    void requestFailedBeforeGraphAcceptedItStartsOverAsAccepted() {
        TeamRequest failed = accepted().stepFailedTransiently(T1).failed("ServiceUnavailable", "Gave up", T1);

        TeamRequest retried = failed.retried(T2, java.time.Duration.ofHours(1));

        assertThat(retried.status()).isEqualTo(RequestStatus.ACCEPTED);
        assertThat(retried.step()).isEqualTo(Step.CREATE_TEAM);
        assertThat(retried.error()).isNull();
        assertThat(retried.stepAttempts()).isZero();
        assertThat(retried.updatedAt()).isEqualTo(T2);
        assertThat(retried.version()).as("saved against the version it was read at").isEqualTo(3);
    }

    @Test
    void requestWhoseGraphOperationFailedIsCreatedAgainWithoutTheOldIds() {
        TeamRequest failed = accepted().creationAccepted("team-1", "op-1", T1).operationObserved("failed", 1, T1)
                .failed("TeamCreationFailed", "Graph failed", T1);

        TeamRequest retried = failed.retried(T2, java.time.Duration.ofHours(1));

        assertThat(retried.status()).isEqualTo(RequestStatus.ACCEPTED);
        assertThat(retried.step()).isEqualTo(Step.CREATE_TEAM);
        assertThat(retried.progress().teamId()).isNull();
        assertThat(retried.progress().operation()).isNull();
    }

    @Test
    void requestThatGaveUpPollingResumesPollingTheSameOperation() {
        TeamRequest failed = accepted().creationAccepted("team-1", "op-1", T1).operationObserved("inProgress", 1, T1)
                .stepFailedTransiently(T1).failed("GatewayTimeout", "Gave up", T1);

        TeamRequest retried = failed.retried(T2, java.time.Duration.ofHours(1));

        assertThat(retried.status()).isEqualTo(RequestStatus.PROVISIONING);
        assertThat(retried.step()).isEqualTo(Step.AWAIT_OPERATION);
        assertThat(retried.progress().teamId()).isEqualTo("team-1");
        assertThat(retried.progress().operation().id()).isEqualTo("op-1");
        assertThat(retried.stepAttempts()).isZero();
    }

    @Test
    void requestThatFailedReadingTheCreatedTeamResumesThere() {
        TeamRequest failed = accepted().creationAccepted("team-1", "op-1", T1).operationObserved("succeeded", 1, T1)
                .failed("Forbidden", "No access", T1);

        assertThat(failed.retried(T2, java.time.Duration.ofHours(1)).step()).isEqualTo(Step.READ_TEAM);
        assertThat(failed.retried(T2, java.time.Duration.ofHours(1)).status()).isEqualTo(RequestStatus.PROVISIONING);
    }

    @Test
    void rowFailedWithStepDoneByAnEarlierReleaseResumesFromWhatGraphReturned() {
        TeamRequest legacy = new TeamRequest(UUID.randomUUID(), "caller-1", accepted().spec(), RequestStatus.FAILED, Step.DONE,
                new TeamRequest.GraphProgress("team-1", new TeamRequest.GraphOperation("op-1", "succeeded", 1), null, 0), null, null,
                new TeamRequest.Failure("Forbidden", "No access"), 0, T0, T1, null, 2);

        assertThat(legacy.retried(T2, java.time.Duration.ofHours(1)).step()).isEqualTo(Step.READ_TEAM);
    }

    @Test
    void onlyAnUntouchedAcceptedRequestCanBeCancelled() {
        assertThat(accepted().isUntouched()).isTrue();
        assertThat(accepted().stepFailedTransiently(T1).isUntouched()).as("a POST /teams was tried").isFalse();
        assertThat(accepted().creationAccepted("team-1", "op-1", T1).isUntouched()).isFalse();

        TeamRequest cancelled = accepted().cancelled(T1);
        assertThat(cancelled.status()).isEqualTo(RequestStatus.CANCELLED);
        assertThat(cancelled.status().isTerminal()).isTrue();
        assertThat(cancelled.isUntouched()).isFalse();
    }
}
