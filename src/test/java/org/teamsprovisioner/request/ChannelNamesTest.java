package org.teamsprovisioner.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.teamsprovisioner.support.ChannelNameCases;

/** The service's channel-name rules hold to the shared, documented table (the simulator's are held to it in SandboxChannelNamesTest). */
class ChannelNamesTest {

    static Stream<Arguments> documentedNames() {
        return ChannelNameCases.all();
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' valid={1}")
    @MethodSource("documentedNames")
    void aChannelNameIsRefusedExactlyWhenMicrosoftDocumentsItAsInvalid(String name, boolean valid, String source) {
        TeamSpec spec = TeamSpec.requested("Team", null, null, null, List.of("alice@contoso.com"), null,
                List.of(new TeamSpec.ChannelSpec(name, null, false)), null);

        List<Violation> problems = TeamsLimits.problemsOf(spec).stream()
                .filter(v -> v.field().equals("/channels/0/displayName")).toList();

        if (valid) {
            assertThat(problems).as("'%s' is valid: %s", name, source).isEmpty();
        } else {
            assertThat(problems).as("'%s' is invalid: %s", name, source).isNotEmpty();
        }
    }
}
