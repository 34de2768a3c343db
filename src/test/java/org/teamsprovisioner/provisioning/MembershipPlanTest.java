package org.teamsprovisioner.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.teamsprovisioner.request.TeamSpec;

/** Who goes into the create call and who is added once the team exists. */
class MembershipPlanTest {

    private static List<String> users(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i + "@contoso.com").toList();
    }

    private static TeamSpec spec(List<String> owners, List<String> members, String existingGroupId, String mode) {
        return new TeamSpec("Team", null, "private", "standard", owners, members, List.of(), existingGroupId, null, null, mode);
    }

    @Test
    void groupFirstAddsWhoeverTheTwentyInTheCreateCallLeftOut() {
        var beyond = MembershipPlan.of(spec(users("owner", 2), users("member", 25), null, "group-first")).afterCreate();

        assertThat(beyond).hasSize(7).allMatch(m -> !m.owner());
        assertThat(beyond.get(0).user()).isEqualTo("member18@contoso.com");
    }

    @Test
    void ownersBeyondTheCreateCallKeepTheirRole() {
        var beyond = MembershipPlan.of(spec(users("owner", 22), users("member", 3), null, "group-first")).afterCreate();

        assertThat(beyond).extracting(MembershipPlan.Membership::owner).containsExactly(true, true, false, false, false);
    }

    @Test
    void existingGroupGetsEveryRequestedOwnerAndMember() {
        var beyond = MembershipPlan.of(spec(List.of("alice@contoso.com"), List.of("alice@contoso.com", "carol@contoso.com"),
                "0040b377-61d8-43db-94f5-81374122dc7e", "direct")).afterCreate();

        assertThat(beyond).containsExactly(new MembershipPlan.Membership("alice@contoso.com", true),
                new MembershipPlan.Membership("carol@contoso.com", false));
    }

    @Test
    void directCreationCarriesEveryoneInTheCreateCall() {
        assertThat(MembershipPlan.of(spec(users("owner", 3), users("member", 300), null, "direct")).afterCreate()).isEmpty();
    }

    @Test
    void groupFirstCreateCallCarriesTwentyOwnersAndMembersOwnersFirst() {
        MembershipPlan plan = MembershipPlan.of(spec(users("owner", 2), users("member", 25), null, "group-first"));

        assertThat(plan.groupOwners()).containsExactly("owner0@contoso.com", "owner1@contoso.com");
        assertThat(plan.groupMembers()).hasSize(18).startsWith("member0@contoso.com").endsWith("member17@contoso.com");
    }

    @Test
    void membersBeyondTheCreateCallAreAddedTwoHundredPerCallUntilNoneAreLeft() {
        MembershipPlan plan = MembershipPlan.of(spec(users("owner", 1), users("member", 450), "0040b377-61d8-43db-94f5-81374122dc7e",
                "direct"));

        MembershipPlan.Chunk first = plan.nextChunk(0);
        MembershipPlan.Chunk second = plan.nextChunk(first.addedAfter());
        MembershipPlan.Chunk last = plan.nextChunk(second.addedAfter());

        assertThat(first.owners()).containsExactly("owner0@contoso.com");
        assertThat(first.members()).hasSize(199);
        assertThat(second.addedAfter()).isEqualTo(400);
        assertThat(last.users()).hasSize(51);
        assertThat(plan.nextChunk(last.addedAfter()).users()).isEmpty();
    }
}
