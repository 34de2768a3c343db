package org.teamsprovisioner.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.teamsprovisioner.support.ChannelNameCases;
import tools.jackson.databind.node.ObjectNode;

import org.teamsprovisioner.sandbox.http.SandboxJson;

/**
 * The simulator's channel-name rules hold to the shared, documented table (the service's are held
 * to it in ChannelNamesTest): {@code POST /teams} with one channel of that name, over HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxChannelNamesTest {

    // One sandbox for every row; throttling would answer 429 after the bucket's 100 creates.
    private final RunningSandbox sandbox = new RunningSandbox(Map.of("provisioner.sandbox.throttling.enabled", "false"));
    private final String token = sandbox.graphToken();

    @AfterAll
    void stop() {
        sandbox.close();
    }

    static Stream<Arguments> documentedNames() {
        return ChannelNameCases.all();
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' valid={1}")
    @MethodSource("documentedNames")
    void createTeamRefusesAChannelNameExactlyWhenMicrosoftDocumentsItAsInvalid(String name, boolean valid, String source) {
        ObjectNode body = (ObjectNode) SandboxJson.read(SeedExamples.EXAMPLE_2);
        body.putArray("channels").addObject().put("displayName", name);

        var response = sandbox.createTeam(token, SandboxJson.write(body));

        if (valid) {
            response.expectStatus().isAccepted();
        } else {
            String error = response.expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();
            assertThat(RunningSandbox.json(error).at("/error/message").stringValue()).as("'%s' is invalid: %s", name, source)
                    .contains("channels[0]");
        }
    }
}
