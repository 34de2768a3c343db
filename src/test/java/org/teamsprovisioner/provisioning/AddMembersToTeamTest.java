package org.teamsprovisioner.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.teamsprovisioner.request.TeamSpec;

class AddMembersToTeamTest {

    private static List<String> users(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i + "@contoso.com").toList();
    }

    private static TeamSpec spec(List<String> owners, List<String> members, String existingGroupId, String mode) {
        return new TeamSpec("Team", null, "private", "standard", owners, members, List.of(), existingGroupId, null, null, mode);
    }

    @Test
    void groupFirstAddsWhoeverTheTwentyInTheCreateCallLeftOut() {
        var beyond = AddMembersToTeam.beyondCreate(spec(users("owner", 2), users("member", 25), null, "group-first"));

        assertThat(beyond).hasSize(7).allMatch(m -> !m.owner());
        assertThat(beyond.get(0).user()).isEqualTo("member18@contoso.com");
    }

    @Test
    void ownersBeyondTheCreateCallKeepTheirRole() {
        var beyond = AddMembersToTeam.beyondCreate(spec(users("owner", 22), users("member", 3), null, "group-first"));

        assertThat(beyond).extracting(AddMembersToTeam.Membership::owner).containsExactly(true, true, false, false, false);
    }

    @Test
    void existingGroupGetsEveryRequestedOwnerAndMember() {
        var beyond = AddMembersToTeam.beyondCreate(spec(List.of("alice@contoso.com"), List.of("alice@contoso.com", "carol@contoso.com"),
                "0040b377-61d8-43db-94f5-81374122dc7e", "direct"));

        assertThat(beyond).containsExactly(new AddMembersToTeam.Membership("alice@contoso.com", true),
                new AddMembersToTeam.Membership("carol@contoso.com", false));
    }

    @Test
    void directCreationCarriesEveryoneInTheCreateCall() {
        assertThat(AddMembersToTeam.beyondCreate(spec(users("owner", 3), users("member", 300), null, "direct"))).isEmpty();
    }
}
