package org.teamsprovisioner.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.teamsprovisioner.request.InvalidTeamRequestException;
import org.teamsprovisioner.request.TeamSpec;
import org.teamsprovisioner.request.Violation;

class NewTeamRequestTest {

    private static TeamSpec spec(String name, List<String> owners) {
        return TeamSpec.requested(name, null, null, null, owners, null, null, null);
    }

    @Test
    void trimsWhitespaceAndLeavesUnsetChoicesToThePolicy() {
        NewTeamRequest command = new NewTeamRequest("requester",
                TeamSpec.requested("  Apollo  ", " ", "PUBLIC", null, List.of(" alice@contoso.com "), null, null, null));

        assertThat(command.spec().displayName()).isEqualTo("Apollo");
        assertThat(command.spec().description()).isNull();
        assertThat(command.spec().visibility()).isEqualTo("public");
        assertThat(command.spec().template()).isNull();
        assertThat(command.spec().owners()).containsExactly("alice@contoso.com");
    }

    @Test
    void displayNameOfExactlyTheGroupLimitIsAccepted() {
        assertThat(new NewTeamRequest("r", spec("x".repeat(256), List.of("alice@contoso.com"))).spec().displayName()).hasSize(256);
    }

    static Stream<Arguments> invalidSpecs() {
        String owner = "alice@contoso.com";
        return Stream.of(
                Arguments.of(spec(null, List.of(owner)), "displayName.required"),
                Arguments.of(spec("   ", List.of(owner)), "displayName.required"),
                Arguments.of(spec("x".repeat(257), List.of(owner)), "displayName.length"),
                Arguments.of(spec("Team", List.of()), "owners.required"),
                Arguments.of(spec("Team", null), "owners.required"),
                Arguments.of(spec("Team", List.of("alice")), "owners.format"),
                Arguments.of(spec("Team", List.of(owner, "ALICE@contoso.com")), "owners.duplicate"),
                Arguments.of(TeamSpec.requested("Team", "d".repeat(1025), null, null, List.of(owner), null, null, null), "description.length"),
                Arguments.of(TeamSpec.requested("Team", null, "hidden", null, List.of(owner), null, null, null), "visibility.value"),
                Arguments.of(TeamSpec.requested("Team", null, null, "std')", List.of(owner), null, null, null), "template.format"),
                Arguments.of(TeamSpec.requested("Team", null, null, null, List.of(owner), List.of("x y"), null, null), "members.format"),
                Arguments.of(TeamSpec.requested("Team", null, null, null, List.of(owner), null,
                        List.of(new TeamSpec.ChannelSpec("general", null, false)), null), "channels.displayName.unique"),
                Arguments.of(TeamSpec.requested("Team", null, null, null, List.of(owner), null,
                        List.of(new TeamSpec.ChannelSpec("Plans", null, false), new TeamSpec.ChannelSpec("PLANS", null, false)), null),
                        "channels.displayName.unique"),
                Arguments.of(new TeamSpec("Team", null, null, null, List.of(owner), null, null, null,
                        java.util.Map.of("funSettings", java.util.Map.of("allowGiphy", "yes")), null, null), "settings.value"),
                Arguments.of(new TeamSpec("Team", null, null, null, List.of(owner), null, null, null,
                        java.util.Map.of("memberSettings", java.util.Map.of("allowEverything", true)), null, null), "settings.unknown"),
                Arguments.of(TeamSpec.requested("Team", null, null, null, List.of(owner), null,
                        List.of(new TeamSpec.ChannelSpec("c".repeat(51), null, false)), null), "channels.displayName.format"),
                Arguments.of(TeamSpec.requested("Team", null, null, null, List.of(owner), null, null, "not-a-guid"), "existingGroupId.format"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidSpecs")
    void invalidSpecIsRefusedWithItsRule(TeamSpec spec, String rule) {
        var refused = catchThrowableOfType(InvalidTeamRequestException.class, () -> new NewTeamRequest("requester", spec));

        assertThat(refused.violations()).extracting(Violation::rule).containsExactly(rule);
    }

    @Test
    void reportsEveryViolationInFieldOrder() {
        var refused = catchThrowableOfType(InvalidTeamRequestException.class, () -> new NewTeamRequest("r",
                TeamSpec.requested("", null, "x", null, List.of(), List.of("bad"), null, null)));

        assertThat(refused.violations()).extracting(Violation::field)
                .containsExactly("/displayName", "/visibility", "/owners", "/members/0");
    }
}
