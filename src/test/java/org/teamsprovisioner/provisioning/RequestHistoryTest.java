package org.teamsprovisioner.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.teamsprovisioner.provisioning.InMemoryGraph.Call.CREATE_TEAM;
import static org.teamsprovisioner.provisioning.InMemoryGraph.Call.OPERATION;
import static org.teamsprovisioner.provisioning.InMemoryProvisioning.direct;
import static org.teamsprovisioner.provisioning.InMemoryProvisioning.groupFirst;

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
                .satisfies(retrying -> assertThat(retrying.data()).containsEntry("step", "AWAIT_OPERATION").containsEntry("failedTries", 1));
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
