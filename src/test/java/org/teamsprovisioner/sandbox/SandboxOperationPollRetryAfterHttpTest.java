package org.teamsprovisioner.sandbox;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** provisioner.sandbox.operations.poll-retry-after: Retry-After on teamsAsyncOperation polls while they run. */
class SandboxOperationPollRetryAfterHttpTest {

    private RunningSandbox sandbox;

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private WebTestClient.ResponseSpec poll(String token, String location) {
        return sandbox.get(token, sandbox.graph(location)).expectStatus().isOk();
    }

    @Test
    void pollsCarryNoRetryAfterByDefault() {
        sandbox = new RunningSandbox();
        String token = sandbox.graphToken();
        String location = sandbox.createTeamLocation(token, "Quiet poll");

        poll(token, location).expectHeader().doesNotExist("Retry-After");
        sandbox.clock.advance(Duration.ofMillis(300));
        poll(token, location).expectHeader().doesNotExist("Retry-After");
    }

    @Test
    void configuredRetryAfterIsSentWhileTheOperationRunsAndNotOnceItHasEnded() {
        sandbox = new RunningSandbox(Map.of("provisioner.sandbox.operations.poll-retry-after", "3s"));
        String token = sandbox.graphToken();
        String location = sandbox.createTeamLocation(token, "Patient poll");
        String failing = sandbox.createTeamLocation(token, "Doomed poll [fail]");

        poll(token, location).expectHeader().valueEquals("Retry-After", "3"); // notStarted
        sandbox.clock.advance(Duration.ofMillis(300));
        poll(token, location).expectHeader().valueEquals("Retry-After", "3"); // inProgress
        sandbox.clock.advance(Duration.ofSeconds(2));
        poll(token, location).expectHeader().doesNotExist("Retry-After"); // succeeded
        poll(token, failing).expectHeader().doesNotExist("Retry-After"); // failed
    }

    @Test
    void retryAfterTakesTheFormTheThrottlingSettingSelects() {
        sandbox = new RunningSandbox(Map.of("provisioner.sandbox.operations.poll-retry-after", "1500ms",
                "provisioner.sandbox.throttling.retry-after", "decimal-seconds"));
        String token = sandbox.graphToken();

        poll(token, sandbox.createTeamLocation(token, "Decimal poll")).expectHeader().valueEquals("Retry-After", "1.5");
    }

    @Test
    void pollRetryAfterDefaultsToZeroAndANegativeOneStopsTheApplication() {
        assertThat(RunningSandbox.properties(Map.of()).operations().pollRetryAfter()).isZero();

        new ApplicationContextRunner()
                .withUserConfiguration(SandboxConfiguration.class)
                .withPropertyValues("spring.profiles.active=sandbox", "provisioner.sandbox.operations.poll-retry-after=-1s")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .isInstanceOf(BindValidationException.class)
                            .hasMessageContaining("operations.pollRetryAfter");
                });
    }
}
