package org.teamsprovisioner.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.teamsprovisioner.provisioning.InMemoryGraph.Call.CREATE_TEAM;
import static org.teamsprovisioner.provisioning.InMemoryGraph.Call.OPERATION;
import static org.teamsprovisioner.provisioning.InMemoryProvisioning.direct;
import static org.teamsprovisioner.provisioning.InMemoryProvisioning.groupFirst;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.teamsprovisioner.provisioning.RequestEvent.Type;

/** Each change the job makes to a request leaves one event in its history, in order, with ids from 1. */
class RequestHistoryTest {

    @Test
    void directRequestRecordsSubmitTeamIdOperationAndSuccessInOrder() {
        InMemoryProvisioning provisioning = new InMemoryProvisioning();
        UUID id = provisioning.submit(direct("History direct"));

        provisioning.runToEnd(id);

        List<RequestEvent> history = provisioning.store.events(id);
        assertThat(history).extracting(RequestEvent::type).containsSubsequence(Type.SUBMITTED, Type.TEAM_ID_KNOWN,
                Type.OPERATION_STATUS_CHANGED, Type.STEP_REACHED, Type.SUCCEEDED);
        assertThat(history.get(0).type()).isEqualTo(Type.SUBMITTED);
        assertThat(history.get(0).data()).containsEntry("displayName", "History direct");
        assertThat(history).last().extracting(RequestEvent::type).isEqualTo(Type.SUCCEEDED);
        assertThat(history).extracting(RequestEvent::id).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, history.size()).boxed().toList());
        assertThat(history).filteredOn(event -> event.type() == Type.TEAM_ID_KNOWN).singleElement()
                .satisfies(known -> assertThat(known.data()).containsKeys("teamId", "operationId"));
        assertThat(history).filteredOn(event -> event.type() != Type.SUBMITTED).extracting(RequestEvent::actor)
                .containsOnly(RequestEvent.SERVICE);
    }

    @Test
    void groupFirstRequestRecordsItsGroupBeforeItsTeam() {
        InMemoryProvisioning provisioning = new InMemoryProvisioning();
        UUID id = provisioning.submit(groupFirst("History group-first"));

        provisioning.runToEnd(id);

        assertThat(provisioning.store.events(id)).extracting(RequestEvent::type)
                .containsSubsequence(Type.SUBMITTED, Type.GROUP_CREATED, Type.TEAM_ID_KNOWN, Type.SUCCEEDED);
    }

    @Test
    void transientFailureIsRecordedAsARetryOfTheSameStep() {
        InMemoryProvisioning provisioning = new InMemoryProvisioning();
        provisioning.graph.failNext(OPERATION, InMemoryGraph.unavailable());
        UUID id = provisioning.submit(direct("History retry"));

        provisioning.runToEnd(id);

        assertThat(provisioning.store.events(id)).filteredOn(event -> event.type() == Type.STEP_RETRYING).singleElement()
                .satisfies(retrying -> assertThat(retrying.data()).containsEntry("step", "AWAIT_OPERATION").containsEntry("failedTries", 1)
                        .containsKey("retryAt"));
    }

    @Test
    void throttledCallIsRecordedWithGraphsCodeAndWhenTheStepRunsAgain() {
        InMemoryProvisioning provisioning = new InMemoryProvisioning();
        provisioning.graph.failNext(CREATE_TEAM, InMemoryGraph.throttled(Duration.ofSeconds(7)));
        UUID id = provisioning.submit(direct("History throttled"));

        provisioning.runNextStep(id);

        RequestEvent throttled = provisioning.store.events(id).get(1);
        assertThat(throttled.type()).isEqualTo(Type.THROTTLED);
        assertThat(throttled.time()).isEqualTo(InMemoryProvisioning.START);
        assertThat(throttled.data()).containsEntry("step", "CREATE_TEAM").containsEntry("code", "TooManyRequests")
                .containsEntry("retryAt", InMemoryProvisioning.START.plusSeconds(7).toString());
        assertThat(provisioning.runToEnd(id).status()).isEqualTo(RequestStatus.SUCCEEDED);
        assertThat(provisioning.store.events(id)).filteredOn(event -> event.type() == Type.STEP_RETRYING).isEmpty();
    }

    @Test
    void groupStillReplicatingIsRecordedAsAwaitingReplicationNotAsAFailedTry() {
        InMemoryProvisioning provisioning = new InMemoryProvisioning();
        provisioning.graph.failNext(CREATE_TEAM, 2, InMemoryGraph.notFound());
        UUID id = provisioning.submit(groupFirst("History replicating"));

        provisioning.runToEnd(id);

        List<RequestEvent> history = provisioning.store.events(id);
        String groupId = provisioning.request(id).group().id();
        assertThat(history).filteredOn(event -> event.type() == Type.AWAITING_REPLICATION).hasSize(2)
                .allSatisfy(waiting -> assertThat(waiting.data()).containsEntry("groupId", groupId).containsEntry("step", "CREATE_TEAM")
                        .containsKey("retryAt"));
        assertThat(history).extracting(RequestEvent::type).doesNotContain(Type.STEP_RETRYING).last().isEqualTo(Type.SUCCEEDED);
    }

    @Test
    void lostAnswerIsRecordedAsReconciledBeforeWhatTheCheckFound() {
        InMemoryProvisioning lostGroup = new InMemoryProvisioning();
        lostGroup.graph.loseAnswerOfNext(InMemoryGraph.Call.CREATE_GROUP, InMemoryGraph.noAnswer());
        UUID adopted = lostGroup.submit(groupFirst("History lost group"));
        InMemoryProvisioning lostPost = new InMemoryProvisioning();
        lostPost.graph.failNext(CREATE_TEAM, InMemoryGraph.noAnswer());
        UUID resent = lostPost.submit(direct("History never arrived"));

        lostGroup.runToEnd(adopted);
        lostPost.runToEnd(resent);

        assertThat(lostGroup.store.events(adopted)).extracting(RequestEvent::type)
                .containsSubsequence(Type.RECONCILED, Type.GROUP_CREATED, Type.SUCCEEDED);
        assertThat(lostGroup.store.events(adopted)).filteredOn(event -> event.type() == Type.RECONCILED).singleElement()
                .satisfies(reconciled -> assertThat(reconciled.data()).containsEntry("found", true).containsKey("call"));
        assertThat(lostPost.store.events(resent)).filteredOn(event -> event.type() == Type.RECONCILED).singleElement()
                .satisfies(reconciled -> assertThat(reconciled.data()).containsEntry("found", false));
    }

    @Test
    void refusedCreationEndsTheHistoryWithFailedAndGraphsCode() {
        InMemoryProvisioning provisioning = new InMemoryProvisioning();
        provisioning.graph.failNext(CREATE_TEAM, InMemoryGraph.refused("BadRequest"));
        UUID id = provisioning.submit(direct("History refused"));

        provisioning.runToEnd(id);

        assertThat(provisioning.store.events(id)).extracting(RequestEvent::type).containsExactly(Type.SUBMITTED, Type.FAILED);
        assertThat(provisioning.store.events(id)).last()
                .satisfies(failed -> assertThat(failed.data()).containsEntry("code", "BadRequest").containsEntry("step", "CREATE_TEAM"));
    }
}
