package org.teamsprovisioner.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.teamsprovisioner.provisioning.InMemoryGraph.Call.CREATE_GROUP;
import static org.teamsprovisioner.provisioning.InMemoryGraph.Call.CREATE_TEAM;
import static org.teamsprovisioner.provisioning.InMemoryGraph.Call.FILES_FOLDER;
import static org.teamsprovisioner.provisioning.InMemoryGraph.Call.FIND_GROUPS_BY_DISPLAY_NAME;
import static org.teamsprovisioner.provisioning.InMemoryGraph.Call.FIND_GROUPS_BY_MAIL_NICKNAME;
import static org.teamsprovisioner.provisioning.InMemoryGraph.Call.OPERATION;
import static org.teamsprovisioner.provisioning.InMemoryGraph.Call.TEAM;
import static org.teamsprovisioner.provisioning.InMemoryProvisioning.ALICE;
import static org.teamsprovisioner.provisioning.InMemoryProvisioning.START;
import static org.teamsprovisioner.provisioning.InMemoryProvisioning.direct;
import static org.teamsprovisioner.provisioning.InMemoryProvisioning.groupFirst;
import static org.teamsprovisioner.provisioning.InMemoryProvisioning.spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What a step does after each kind of Graph outcome, against Graph in memory: the decisions the HTTP
 * tests can only reach end to end, each in milliseconds.
 */
class StepOutcomesTest {

    private static final Duration POLL_INITIAL_DELAY = Duration.ofSeconds(30);

    @Test
    void directRequestIsCreatedPolledReadAndFollowedUpWithOnePost() {
        InMemoryProvisioning provisioning = new InMemoryProvisioning();
        UUID id = provisioning.submit(direct("Apollo"));

        assertThat(provisioning.runNextStep(id)).isEqualTo(POLL_INITIAL_DELAY);
        TeamRequest accepted = provisioning.request(id);
        assertThat(accepted.step()).isEqualTo(Step.AWAIT_OPERATION);
        assertThat(accepted.pending()).isNull();
        TeamRequest done = provisioning.runToEnd(id);

        assertThat(done.status()).isEqualTo(RequestStatus.SUCCEEDED);
        assertThat(done.step()).isEqualTo(Step.DONE);
        assertThat(done.progress().webUrl()).isEqualTo("https://teams.example/" + done.progress().teamId());
        assertThat(provisioning.graph.calls()).containsExactly(CREATE_TEAM, OPERATION, TEAM, TEAM, FILES_FOLDER);
        assertThat(provisioning.graph.paced()).containsExactly(GraphWorkload.CREATE_TEAM, GraphWorkload.TEAMS_READ,
                GraphWorkload.GET_TEAM, GraphWorkload.TEAMS_READ);
    }

    @Test
    void groupFirstRequestAddsWhomTheCreateGroupCallCouldNotCarryOnceTheTeamExists() {
        InMemoryProvisioning provisioning = new InMemoryProvisioning();
        List<String> members = java.util.stream.IntStream.range(0, 25).mapToObj(i -> "member" + i + "@contoso.com").toList();
        UUID id = provisioning.submit(spec("Crowded", List.of(ALICE, "bob@contoso.com"), members, null, "group-first"));

        TeamRequest done = provisioning.runToEnd(id);

        assertThat(done.status()).isEqualTo(RequestStatus.SUCCEEDED);
        InMemoryGraph.StoredGroup group = provisioning.graph.groups().get(0);
        assertThat(group.owners()).containsExactly(ALICE, "bob@contoso.com");
        assertThat(group.members()).hasSize(18);
        assertThat(provisioning.graph.memberChunks()).containsExactly(members.subList(18, 25));
        assertThat(done.progress().membersAdded()).isEqualTo(7);
        assertThat(provisioning.graph.paced()).contains(GraphWorkload.TEAMS_WRITE);
    }

    @Test
    void teamFromAnExistingGroupGetsEveryoneTheRequestNamesAddedAfterwards() {
        InMemoryProvisioning provisioning = new InMemoryProvisioning();
        String existing = "0040b377-61d8-43db-94f5-81374122dc7e";
        provisioning.graph.existingGroup(existing, START.minus(Duration.ofDays(3)));
        UUID id = provisioning.submit(spec("Existing", List.of(ALICE), List.of("carol@contoso.com"), existing, "direct"));

        TeamRequest done = provisioning.runToEnd(id);

        assertThat(done.status()).isEqualTo(RequestStatus.SUCCEEDED);
        assertThat(done.progress().teamId()).isEqualTo(existing);
        assertThat(done.group().createdAt()).isEqualTo(START.minus(Duration.ofDays(3)));
        assertThat(provisioning.graph.memberChunks()).containsExactly(List.of(ALICE, "carol@contoso.com"));
        assertThat(provisioning.graph.paced()).startsWith(GraphWorkload.DIRECTORY, GraphWorkload.CREATE_TEAM);
    }

    @Test
    void throttledCallCostsNoTryAndWaitsForRetryAfter() {
        InMemoryProvisioning provisioning = new InMemoryProvisioning();
        provisioning.graph.failNext(CREATE_TEAM, InMemoryGraph.throttled(Duration.ofSeconds(7)));
        UUID id = provisioning.submit(direct("Throttled"));

        assertThat(provisioning.runNextStep(id)).isEqualTo(Duration.ofSeconds(7));
        TeamRequest waiting = provisioning.request(id);
        assertThat(waiting.status()).isEqualTo(RequestStatus.ACCEPTED);
        assertThat(waiting.step()).isEqualTo(Step.CREATE_TEAM);
        assertThat(waiting.stepAttempts()).isZero();
        // Graph refused the POST: nothing is pending, so the next run sends it without reconciling.
        assertThat(waiting.pending()).isNull();

        assertThat(provisioning.runToEnd(id).status()).isEqualTo(RequestStatus.SUCCEEDED);
        assertThat(provisioning.graph.callsOf(CREATE_TEAM)).isEqualTo(2);
        assertThat(provisioning.graph.callsOf(FIND_GROUPS_BY_DISPLAY_NAME)).isZero();
    }

    @Test
    void throttledCallKeepsCostingNoTryPastRetryMaxAttempts() {
        InMemoryProvisioning provisioning = new InMemoryProvisioning(InMemoryProvisioning.with(2, Duration.ZERO));
        provisioning.graph.failNext(TEAM, 5, InMemoryGraph.throttled(Duration.ofSeconds(3)));
        UUID id = provisioning.submit(direct("Patient"));

        TeamRequest done = provisioning.runToEnd(id);

        assertThat(done.status()).isEqualTo(RequestStatus.SUCCEEDED);
        assertThat(provisioning.graph.callsOf(TEAM)).isEqualTo(6);
    }

    @Test
    void transientFailureIsRetriedWithGrowingBackoffUpToRetryMaxAttemptsThenFails() {
        InMemoryProvisioning provisioning = new InMemoryProvisioning(InMemoryProvisioning.with(4, Duration.ZERO));
        provisioning.graph.failNext(TEAM, 10, InMemoryGraph.unavailable());
        UUID id = provisioning.submit(direct("Unlucky"));
        provisioning.runUntil(id, Step.READ_TEAM);

        List<Duration> waits = new ArrayList<>();
        for (int attempt = 1; attempt <= 3; attempt++) {
            Duration wait = provisioning.runNextStep(id);
            assertThat(provisioning.request(id).stepAttempts()).isEqualTo(attempt);
            waits.add(wait);
            provisioning.clock.advance(wait);
        }
        assertThat(provisioning.runNextStep(id)).isNull();

        // Full jitter: between half the initial backoff and the doubled ceiling of the try.
        assertThat(waits.get(0)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(waits.get(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(4));
        assertThat(waits.get(2)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(8));
        TeamRequest failed = provisioning.request(id);
        assertThat(failed.status()).isEqualTo(RequestStatus.FAILED);
        assertThat(failed.step()).isEqualTo(Step.READ_TEAM);
        assertThat(failed.error().code()).isEqualTo("ServiceUnavailable");
        assertThat(failed.error().message()).isEqualTo("Gave up after 4 tries: Summary of HTTP 503.");
        assertThat(provisioning.graph.callsOf(TEAM)).isEqualTo(4);
    }

    @Test
    void transientFailureWaitsForTheRetryAfterGraphSent() {
        InMemoryProvisioning provisioning = new InMemoryProvisioning();
        provisioning.graph.failNext(OPERATION, InMemoryGraph.failure(GraphCallFailed.Kind.TRANSIENT, false, Duration.ofSeconds(9),
                503, "ServiceUnavailable"));
        UUID id = provisioning.submit(direct("Told when"));
        provisioning.runUntil(id, Step.AWAIT_OPERATION);
        provisioning.clock.advance(POLL_INITIAL_DELAY);

        assertThat(provisioning.runNextStep(id)).isEqualTo(Duration.ofSeconds(9));
        assertThat(provisioning.request(id).stepAttempts()).isEqualTo(1);
    }

    @Test
    void replicationNotFoundOnTeamFromGroupIsRetriedThreeTimesTenSecondsApartThenBacksOffUntilTheGroupIsFifteenMinutesOld() {
        InMemoryProvisioning provisioning = new InMemoryProvisioning();
        provisioning.graph.failNext(CREATE_TEAM, 100, InMemoryGraph.notFound());
        UUID id = provisioning.submit(groupFirst("Replicating"));
        provisioning.runUntil(id, Step.CREATE_TEAM);
        String groupId = provisioning.request(id).group().id();

        List<Duration> waits = new ArrayList<>();
        for (Duration wait = provisioning.runNextStep(id); wait != null; wait = provisioning.runNextStep(id)) {
            waits.add(wait);
            provisioning.clock.advance(wait);
        }

        assertThat(waits.subList(0, 7)).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofSeconds(20), Duration.ofSeconds(40), Duration.ofSeconds(80), Duration.ofMinutes(2));
        assertThat(waits.subList(6, waits.size())).containsOnly(Duration.ofMinutes(2));
        Duration waited = waits.stream().reduce(Duration.ZERO, Duration::plus);
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMinutes(15)).isLessThan(Duration.ofMinutes(17));
        TeamRequest failed = provisioning.request(id);
        assertThat(failed.status()).isEqualTo(RequestStatus.FAILED);
        assertThat(failed.error().code()).isEqualTo("GroupNotFound");
        assertThat(failed.error().message()).isEqualTo("Graph does not find group " + groupId + " although it was created at "
                + START + ".");
    }

    @Test
    void replicationNotFoundThatClearsUpWithinTheWindowLetsTheTeamBeCreated() {
        InMemoryProvisioning provisioning = new InMemoryProvisioning();
        provisioning.graph.failNext(CREATE_TEAM, 4, InMemoryGraph.notFound());
        UUID id = provisioning.submit(groupFirst("Replicated"));

        TeamRequest done = provisioning.runToEnd(id);

        assertThat(done.status()).isEqualTo(RequestStatus.SUCCEEDED);
        assertThat(done.progress().teamId()).isEqualTo(done.group().id());
        assertThat(provisioning.graph.teams()).isEqualTo(1);
    }

    @Test
    void existingGroupThatDoesNotExistFailsAtOnceWithGroupNotFound() {
        InMemoryProvisioning provisioning = new InMemoryProvisioning();
        String missing = "0040b377-61d8-43db-94f5-81374122dc7e";
        UUID id = provisioning.submit(spec("From a group", List.of(ALICE), List.of(), missing, "direct"));

        assertThat(provisioning.runNextStep(id)).isNull();

        TeamRequest failed = provisioning.request(id);
        assertThat(failed.error().code()).isEqualTo("GroupNotFound");
        assertThat(failed.error().message()).isEqualTo("No group " + missing + " exists in the directory.");
        assertThat(provisioning.graph.callsOf(CREATE_TEAM)).isZero();
        assertThat(provisioning.graph.paced()).containsExactly(GraphWorkload.DIRECTORY);
    }

    @Test
    void nonRetryableFailureFailsTheRequestWithGraphsCodeAndASafeSummary() {
        InMemoryProvisioning provisioning = new InMemoryProvisioning();
        provisioning.graph.failNext(CREATE_TEAM, InMemoryGraph.refused("InvalidTemplate"));
        UUID id = provisioning.submit(direct("Refused"));

        assertThat(provisioning.runNextStep(id)).isNull();

        TeamRequest failed = provisioning.request(id);
        assertThat(failed.status()).isEqualTo(RequestStatus.FAILED);
        assertThat(failed.step()).isEqualTo(Step.CREATE_TEAM);
        assertThat(failed.stepAttempts()).isZero();
        assertThat(failed.pending()).isNull();
        assertThat(failed.error().code()).isEqualTo("InvalidTemplate");
        assertThat(failed.error().message()).isEqualTo("Summary of HTTP 400.").doesNotContain("Graph's own text");
    }

    @Test
    void ambiguousDirectPostIsReconciledByDisplayNameBeforeItIsSentAgain() {
        InMemoryProvisioning provisioning = new InMemoryProvisioning();
        provisioning.graph.loseAnswerOfNext(CREATE_TEAM, InMemoryGraph.noAnswer());
        UUID id = provisioning.submit(direct("Lost answer"));

        Duration wait = provisioning.runNextStep(id);
        TeamRequest pending = provisioning.request(id);
        assertThat(pending.pending().call()).isEqualTo("POST /teams");
        assertThat(pending.stepAttempts()).isEqualTo(1);
        provisioning.clock.advance(wait);

        provisioning.runNextStep(id);
        TeamRequest adopted = provisioning.request(id);
        assertThat(adopted.step()).isEqualTo(Step.READ_TEAM);
        assertThat(adopted.pending()).isNull();
        assertThat(adopted.progress().teamId()).isEqualTo(provisioning.graph.groups().get(0).id());

        assertThat(provisioning.runToEnd(id).status()).isEqualTo(RequestStatus.SUCCEEDED);
        assertThat(provisioning.graph.callsOf(CREATE_TEAM)).isEqualTo(1);
        assertThat(provisioning.graph.teams()).isEqualTo(1);
    }

    @Test
    void ambiguousDirectPostThatMadeNothingIsSentAgainAfterReconciling() {
        InMemoryProvisioning provisioning = new InMemoryProvisioning();
        provisioning.graph.failNext(CREATE_TEAM, InMemoryGraph.noAnswer());
        UUID id = provisioning.submit(direct("Never arrived"));

        TeamRequest done = provisioning.runToEnd(id);

        assertThat(done.status()).isEqualTo(RequestStatus.SUCCEEDED);
        assertThat(provisioning.graph.calls()).startsWith(CREATE_TEAM, FIND_GROUPS_BY_DISPLAY_NAME, CREATE_TEAM);
        assertThat(provisioning.graph.teams()).isEqualTo(1);
    }

    @Test
    void ambiguousCreateGroupIsReconciledByMailNicknameInsteadOfMakingASecondGroup() {
        InMemoryProvisioning provisioning = new InMemoryProvisioning();
        provisioning.graph.loseAnswerOfNext(CREATE_GROUP, InMemoryGraph.noAnswer());
        UUID id = provisioning.submit(groupFirst("Lost group"));

        TeamRequest done = provisioning.runToEnd(id);

        assertThat(done.status()).isEqualTo(RequestStatus.SUCCEEDED);
        assertThat(provisioning.graph.calls()).startsWith(CREATE_GROUP, FIND_GROUPS_BY_MAIL_NICKNAME, CREATE_TEAM);
        assertThat(provisioning.graph.groups()).hasSize(1);
        assertThat(provisioning.graph.groups().get(0).mailNickname()).isEqualTo("team-" + id.toString().replace("-", ""));
        assertThat(done.group().id()).isEqualTo(provisioning.graph.groups().get(0).id());
    }

    @Test
    void conflictOnTheRequestsOwnGroupAdoptsTheTeamItsLostPostMade() {
        InMemoryProvisioning provisioning = new InMemoryProvisioning();
        provisioning.graph.loseAnswerOfNext(CREATE_TEAM, InMemoryGraph.noAnswer());
        UUID id = provisioning.submit(groupFirst("Made twice?"));
        provisioning.runUntil(id, Step.CREATE_TEAM);
        provisioning.clock.advance(provisioning.runNextStep(id));

        provisioning.runNextStep(id);

        TeamRequest adopted = provisioning.request(id);
        assertThat(adopted.step()).isEqualTo(Step.READ_TEAM);
        assertThat(adopted.progress().teamId()).isEqualTo(adopted.group().id());
        assertThat(adopted.progress().operation()).isNull();
        assertThat(provisioning.runToEnd(id).status()).isEqualTo(RequestStatus.SUCCEEDED);
        assertThat(provisioning.graph.callsOf(CREATE_TEAM)).isEqualTo(2);
        assertThat(provisioning.graph.teams()).isEqualTo(1);
    }

    @Test
    void conflictOnSomeoneElsesGroupFailsTheRequest() {
        InMemoryProvisioning provisioning = new InMemoryProvisioning();
        String theirs = "7f2c1b9e-3d4a-4e5f-8a6b-1c2d3e4f5a6b";
        provisioning.graph.existingGroup(theirs, START.minus(Duration.ofDays(30))).existingTeam(theirs);
        UUID id = provisioning.submit(spec("Theirs", List.of(ALICE), List.of(), theirs, "direct"));

        TeamRequest failed = provisioning.runToEnd(id);

        assertThat(failed.status()).isEqualTo(RequestStatus.FAILED);
        assertThat(failed.error().code()).isEqualTo("Conflict");
        assertThat(failed.progress().teamId()).isNull();
    }

    @Test
    void filesFolderFollowUpThatIsRefusedNeverTurnsSucceededIntoFailed() {
        InMemoryProvisioning provisioning = new InMemoryProvisioning();
        provisioning.graph.failNext(FILES_FOLDER, InMemoryGraph.refused("AccessDenied"));
        UUID id = provisioning.submit(direct("Folder refused"));
        TeamRequest succeeded = provisioning.runUntil(id, Step.CHECK_FILES_FOLDER);
        assertThat(succeeded.status()).isEqualTo(RequestStatus.SUCCEEDED);

        TeamRequest done = provisioning.runToEnd(id);

        assertThat(done.status()).isEqualTo(RequestStatus.SUCCEEDED);
        assertThat(done.step()).isEqualTo(Step.DONE);
        assertThat(done.error()).isNull();
    }

    @Test
    void filesFolderFollowUpGivesUpAfterRetryMaxAttemptsAndStaysSucceeded() {
        InMemoryProvisioning provisioning = new InMemoryProvisioning(InMemoryProvisioning.with(3, Duration.ofMinutes(5)));
        provisioning.graph.failNext(FILES_FOLDER, 10, InMemoryGraph.unavailable());
        UUID id = provisioning.submit(direct("Folder unavailable"));

        TeamRequest done = provisioning.runToEnd(id);

        assertThat(done.status()).isEqualTo(RequestStatus.SUCCEEDED);
        assertThat(done.step()).isEqualTo(Step.DONE);
        assertThat(provisioning.graph.callsOf(FILES_FOLDER)).isEqualTo(3);
    }

    @Test
    void filesFolderFollowUpWaitsOutThrottlingInsteadOfGivingUp() {
        InMemoryProvisioning provisioning = new InMemoryProvisioning(InMemoryProvisioning.with(1, Duration.ofMinutes(5)));
        provisioning.graph.failNext(FILES_FOLDER, 3, InMemoryGraph.throttled(Duration.ofSeconds(5)));
        UUID id = provisioning.submit(direct("Folder throttled"));

        provisioning.runToEnd(id);

        assertThat(provisioning.graph.callsOf(FILES_FOLDER)).isEqualTo(4);
    }

    @Test
    void operationPollHonoursALongerRetryAfter() {
        InMemoryProvisioning provisioning = new InMemoryProvisioning();
        provisioning.graph.nextOperationAnswers(
                new TeamProgress.Operation("inProgress", 1, null, Duration.ofMinutes(2)),
                new TeamProgress.Operation("inProgress", 1, null, Duration.ofSeconds(5)));
        UUID id = provisioning.submit(direct("Slow operation"));
        provisioning.clock.advance(provisioning.runNextStep(id));

        Duration asked = provisioning.runNextStep(id);
        provisioning.clock.advance(asked);
        Duration shorter = provisioning.runNextStep(id);

        // Up to 10 % more, so a bulk's polls spread out.
        assertThat(asked).isBetween(Duration.ofMinutes(2), Duration.ofSeconds(132));
        assertThat(shorter).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(33));
        assertThat(provisioning.request(id).progress().operation().status()).isEqualTo("inProgress");
    }

    @Test
    void operationThatFailsInGraphFailsTheRequestWithGraphsErrorCode() {
        InMemoryProvisioning provisioning = new InMemoryProvisioning();
        provisioning.graph.nextOperationAnswers(new TeamProgress.Operation("failed", 2,
                new TeamProgress.OperationError("TeamProvisioningFailed", "Graph's own text"), null));
        UUID id = provisioning.submit(direct("Doomed"));

        TeamRequest failed = provisioning.runToEnd(id);

        assertThat(failed.status()).isEqualTo(RequestStatus.FAILED);
        assertThat(failed.step()).isEqualTo(Step.AWAIT_OPERATION);
        assertThat(failed.error().code()).isEqualTo("TeamProvisioningFailed");
        assertThat(failed.error().message()).isEqualTo("Microsoft Teams reported the team creation as failed; retry the request.");
        assertThat(failed.progress().operation().attemptsCount()).isEqualTo(2);
    }

    @Test
    void notFoundWhileReadingANewTeamIsRetriedWhileGraphCatchesUp() {
        InMemoryProvisioning provisioning = new InMemoryProvisioning();
        provisioning.graph.failNext(TEAM, 2, InMemoryGraph.notFound());
        UUID id = provisioning.submit(direct("Eventually consistent"));

        assertThat(provisioning.runToEnd(id).status()).isEqualTo(RequestStatus.SUCCEEDED);
        assertThat(provisioning.graph.callsOf(TEAM)).isEqualTo(4);
    }

    @Test
    void stepThatStartsAfterTheDeadlineFailsWithDeadlineExceeded() {
        InMemoryProvisioning provisioning = new InMemoryProvisioning();
        UUID id = provisioning.submit(direct("Too late"));
        provisioning.clock.advance(Duration.ofHours(1).plusSeconds(1));

        assertThat(provisioning.runNextStep(id)).isNull();

        assertThat(provisioning.request(id).error().code()).isEqualTo("DeadlineExceeded");
        assertThat(provisioning.graph.calls()).isEmpty();
    }
}
