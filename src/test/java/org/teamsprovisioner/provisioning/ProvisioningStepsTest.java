package org.teamsprovisioner.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.teamsprovisioner.provisioning.InMemoryProvisioning.ALICE;
import static org.teamsprovisioner.provisioning.InMemoryProvisioning.spec;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The step table is complete and says what the job does. */
class ProvisioningStepsTest {

    private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");

    private static TeamRequest accepted(String existingGroupId, String mode) {
        return TeamRequest.accept(UUID.randomUUID(), new NewTeamRequest(ALICE, spec("Table", List.of(ALICE), List.of(), existingGroupId,
                mode)), NOW, java.time.Duration.ofHours(1));
    }

    @Test
    void everyStepButDoneHasAHandlerAndEveryHandlerOneStep() {
        Set<Class<?>> handlers = new java.util.HashSet<>();
        for (ProvisioningSteps.Row row : ProvisioningSteps.ROWS) {
            if (row.step() == Step.DONE) {
                assertThat(row.handler()).isNull();
                assertThat(row.transitions()).isEmpty();
            } else {
                assertThat(handlers.add(row.handler())).as("%s has a handler of its own", row.step()).isTrue();
            }
        }
        assertThat(ProvisioningSteps.ROWS).extracting(ProvisioningSteps.Row::step).containsExactly(Step.values());
    }

    @Test
    void everyStepIsReachedFromWhereAJobStarts() {
        Set<Step> reached = EnumSet.noneOf(Step.class);
        ProvisioningSteps.ENTRIES.forEach(entry -> reached.add(entry.step()));
        for (int round = 0; round < Step.values().length; round++) {
            for (ProvisioningSteps.Row row : ProvisioningSteps.ROWS) {
                if (reached.contains(row.step())) {
                    row.transitions().forEach(transition -> reached.add(transition.to()));
                }
            }
        }

        assertThat(reached).containsExactlyInAnyOrder(Step.values());
    }

    @Test
    void onlyTheCreatingStepsRecordAPendingPost() {
        assertThat(ProvisioningSteps.ROWS).filteredOn(row -> row.pendingPost() != null).extracting(ProvisioningSteps.Row::step)
                .containsExactly(Step.CREATE_GROUP, Step.CREATE_TEAM);
    }

    @Test
    void existingGroupIsReadAsADirectoryCallBeforeItsTeamWaitsForTheCreateTeamPace() {
        TeamRequest fromGroup = accepted("0040b377-61d8-43db-94f5-81374122dc7e", "direct");

        assertThat(ProvisioningSteps.workloadOf(fromGroup)).isEqualTo(GraphWorkload.DIRECTORY);
        assertThat(ProvisioningSteps.workloadOf(fromGroup.groupSeen(NOW.minusSeconds(3600), NOW))).isEqualTo(GraphWorkload.CREATE_TEAM);
        assertThat(ProvisioningSteps.workloadOf(accepted(null, "direct"))).isEqualTo(GraphWorkload.CREATE_TEAM);
        assertThat(ProvisioningSteps.workloadOf(accepted(null, "group-first"))).isEqualTo(GraphWorkload.DIRECTORY);
    }

    @Test
    void aJobStartsAtTheGroupInGroupFirstModeAndAtTheTeamOtherwise() {
        assertThat(accepted(null, "group-first").step()).isEqualTo(Step.CREATE_GROUP);
        assertThat(accepted(null, "direct").step()).isEqualTo(Step.CREATE_TEAM);
        assertThat(accepted("0040b377-61d8-43db-94f5-81374122dc7e", "group-first").step()).isEqualTo(Step.CREATE_TEAM);
    }
}
