package org.teamsprovisioner.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.teamsprovisioner.sandbox.settings.SandboxProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** provisioner.sandbox.throttling.* and provisioner.sandbox.faults.* as Spring Boot binds them. */
class SandboxThrottlingSettingsTest {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withUserConfiguration(SandboxConfiguration.class)
            .withPropertyValues("spring.profiles.active=sandbox");

    @Test
    void throttlingDefaultsToMicrosoftsPublishedLimits() {
        SandboxProperties.Throttling throttling = RunningSandbox.properties(Map.of()).throttling();

        assertThat(throttling.enabled()).isTrue();
        assertThat(throttling.retryAfter()).isEqualTo(SandboxProperties.RetryAfterForm.SECONDS);
        assertThat(throttling.retryAfterBase()).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttling.createTeam()).isEqualTo(new SandboxProperties.Limit(100, Duration.ofSeconds(10)));
        assertThat(throttling.getTeam()).isEqualTo(new SandboxProperties.Limit(300, Duration.ofSeconds(10)));
        assertThat(throttling.listChannels()).isEqualTo(new SandboxProperties.Limit(600, Duration.ofSeconds(10)));
        assertThat(throttling.teamsRead()).isEqualTo(new SandboxProperties.Limit(300, Duration.ofSeconds(10)));
        assertThat(throttling.teamsWrite()).isEqualTo(new SandboxProperties.Limit(300, Duration.ofSeconds(10)));
        assertThat(throttling.other()).isEqualTo(new SandboxProperties.Limit(3500, Duration.ofSeconds(10)));
    }

    @Test
    void faultsAreOffByDefault() {
        SandboxProperties.Faults faults = RunningSandbox.properties(Map.of()).faults();

        assertThat(faults.seed()).isZero();
        assertThat(faults.rate()).isZero();
        assertThat(faults.latencyMin()).isZero();
        assertThat(faults.latencyMax()).isZero();
        assertThat(faults.routes()).isEmpty();
    }

    @Test
    void kebabCaseKeysOverrideTheDefaults() {
        SandboxProperties properties = RunningSandbox.properties(Map.of(
                "provisioner.sandbox.throttling.enabled", "false",
                "provisioner.sandbox.throttling.retry-after", "decimal-seconds",
                "provisioner.sandbox.throttling.retry-after-base", "2128ms",
                "provisioner.sandbox.throttling.create-team", "3/250ms",
                "provisioner.sandbox.faults.seed", "-17",
                "provisioner.sandbox.faults.rate", "0.25",
                "provisioner.sandbox.faults.latency-min", "5ms",
                "provisioner.sandbox.faults.latency-max", "1s",
                "provisioner.sandbox.faults.routes", "POST /teams,GET /teams/{id}"));

        SandboxProperties.Throttling throttling = properties.throttling();
        assertThat(throttling.enabled()).isFalse();
        assertThat(throttling.retryAfter()).isEqualTo(SandboxProperties.RetryAfterForm.DECIMAL_SECONDS);
        assertThat(throttling.retryAfterBase()).isEqualTo(Duration.ofMillis(2128));
        assertThat(throttling.createTeam()).isEqualTo(new SandboxProperties.Limit(3, Duration.ofMillis(250)));
        assertThat(throttling.getTeam()).isEqualTo(new SandboxProperties.Limit(300, Duration.ofSeconds(10)));
        SandboxProperties.Faults faults = properties.faults();
        assertThat(faults.seed()).isEqualTo(-17);
        assertThat(faults.rate()).isEqualTo(0.25);
        assertThat(faults.latencyMin()).isEqualTo(Duration.ofMillis(5));
        assertThat(faults.latencyMax()).isEqualTo(Duration.ofSeconds(1));
        assertThat(faults.routes()).containsExactly("POST /teams", "GET /teams/{id}");
    }

    @Test
    void retryAfterFormAcceptsEachDocumentedSpelling() {
        assertThat(RunningSandbox.properties(Map.of("provisioner.sandbox.throttling.retry-after", "http-date"))
                .throttling().retryAfter()).isEqualTo(SandboxProperties.RetryAfterForm.HTTP_DATE);
        assertThat(RunningSandbox.properties(Map.of("provisioner.sandbox.throttling.retry-after", "seconds"))
                .throttling().retryAfter()).isEqualTo(SandboxProperties.RetryAfterForm.SECONDS);
    }

    @ParameterizedTest(name = "{0} -> {1} per {2}")
    @CsvSource({
            "10/1s, 10, PT1S",
            "3500/10s, 3500, PT10S",
            "' 5 / 250ms ', 5, PT0.25S",
            "1/1m, 1, PT1M"})
    void limitIsWrittenRequestsSlashPeriod(String text, int requests, Duration period) {
        SandboxProperties.Limit limit = SandboxProperties.Limit.valueOf(text);

        assertThat(limit).isEqualTo(new SandboxProperties.Limit(requests, period));
    }

    @ParameterizedTest(name = "''{0}'': {1}")
    @CsvSource(delimiter = '|', textBlock = """
            10      | A limit is written requests/period, e.g. 10/1s, not '10'
            ten/1s  | A limit is written requests/period, e.g. 10/1s, not 'ten/1s'
            10/soon | A limit is written requests/period, e.g. 10/1s, not '10/soon'
            ''      | A limit is written requests/period, e.g. 10/1s, not ''
            0/1s    | A limit needs at least 1 request per a positive period, not 0 per PT1S
            -1/1s   | A limit needs at least 1 request per a positive period, not -1 per PT1S
            10/0s   | A limit needs at least 1 request per a positive period, not 10 per PT0S
            """)
    void malformedLimitIsRejectedWithTheExpectedForm(String text, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> SandboxProperties.Limit.valueOf(text))
                .withMessage(message);
    }

    @Test
    void limitPrintsAsItIsWritten() {
        assertThat(SandboxProperties.Limit.valueOf("100/10s")).hasToString("100/10s");
        assertThat(SandboxProperties.Limit.valueOf("3/250ms")).hasToString("3/250ms");
    }

    @Test
    void invalidFaultSettingsStopTheApplication() {
        contexts.withPropertyValues("provisioner.sandbox.faults.rate=1.5",
                "provisioner.sandbox.faults.latency-min=80ms", "provisioner.sandbox.faults.latency-max=50ms")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .isInstanceOf(BindValidationException.class)
                            .hasMessageContaining("faults.rate")
                            .hasMessageContaining("latency-max must not be shorter than latency-min");
                });
    }

    @Test
    void malformedLimitStopsTheApplication() {
        contexts.withPropertyValues("provisioner.sandbox.throttling.create-team=lots").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("provisioner.sandbox.throttling.create-team")
                    .hasStackTraceContaining("requests/period");
        });
    }

    @Test
    void routesOfFaultsMayNotBeBlank() {
        contexts.withPropertyValues("provisioner.sandbox.faults.routes[0]= ").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(BindValidationException.class)
                    .hasMessageContaining("faults.routes");
        });
    }

    @Test
    void faultRoutesBindFromIndexedKeys() {
        assertThat(RunningSandbox.properties(Map.of("provisioner.sandbox.faults.routes[0]", "POST /teams",
                "provisioner.sandbox.faults.routes[1]", "GET /teams/{id}/operations/{id}")).faults().routes())
                .isEqualTo(List.of("POST /teams", "GET /teams/{id}/operations/{id}"));
    }
}
