package org.teamsprovisioner.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/** Seeded 503/504 faults and latency on Graph calls. */
class SandboxFaultInjectionHttpTest {

    private static final int CALLS = 50;

    private final List<RunningSandbox> sandboxes = new ArrayList<>();

    @AfterEach
    void stop() {
        sandboxes.forEach(RunningSandbox::close);
    }

    private RunningSandbox start(String... settings) {
        Map<String, String> properties = new HashMap<>();
        for (int i = 0; i < settings.length; i += 2) {
            properties.put("provisioner.sandbox.faults." + settings[i], settings[i + 1]);
        }
        RunningSandbox sandbox = new RunningSandbox(properties);
        sandboxes.add(sandbox);
        return sandbox;
    }

    /** The statuses of {@link #CALLS} GETs of an unknown team: 404 unless a fault answers instead. */
    private static List<Integer> statuses(RunningSandbox sandbox) {
        String token = sandbox.graphToken();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            statuses.add(sandbox.get(token, sandbox.graph("/teams('unknown')")).returnResult(Void.class)
                    .getStatus().value());
        }
        return statuses;
    }

    @Test
    void sameSeedYieldsTheSameFaultsInTwoFreshSandboxes() {
        List<Integer> first = statuses(start("seed", "42", "rate", "0.5"));
        List<Integer> second = statuses(start("seed", "42", "rate", "0.5"));

        assertThat(second).isEqualTo(first);
        assertThat(first).contains(404, 503, 504).containsOnly(404, 503, 504);
    }

    @Test
    void differentSeedYieldsDifferentFaults() {
        List<Integer> first = statuses(start("seed", "42", "rate", "0.5"));
        List<Integer> second = statuses(start("seed", "43", "rate", "0.5"));

        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void rateZeroNeverFaults() {
        RunningSandbox sandbox = start("seed", "42", "rate", "0");

        assertThat(statuses(sandbox)).containsOnly(404);
        assertThat(sandbox.state().at("/counters/faultsInjected").size()).isZero();
    }

    @Test
    void rateOneAlwaysFaultsWithBothStatusesAndCountsThemByStatus() {
        RunningSandbox sandbox = start("seed", "7", "rate", "1");

        List<Integer> statuses = statuses(sandbox);

        assertThat(statuses).containsOnly(503, 504).contains(503, 504);
        JsonNode faults = sandbox.state().at("/counters/faultsInjected");
        assertThat(faults.get("503").longValue()).isEqualTo(statuses.stream().filter(s -> s == 503).count());
        assertThat(faults.get("504").longValue()).isEqualTo(statuses.stream().filter(s -> s == 504).count());
        assertThat(sandbox.state().at("/counters/callsByRoute").get("GET /teams/{id} 503").longValue())
                .isEqualTo(faults.get("503").longValue());
    }

    @Test
    void faultsComeInGraphsErrorShapeWithoutRetryAfter() {
        RunningSandbox sandbox = start("seed", "7", "rate", "1");
        String token = sandbox.graphToken();
        Map<Integer, String> codes = new HashMap<>();

        for (int i = 0; i < 10; i++) {
            EntityExchangeResult<String> result = sandbox.get(token, sandbox.graph("/teams('unknown')"))
                    .expectHeader().doesNotExist("Retry-After")
                    .expectHeader().exists("request-id")
                    .expectBody(String.class).returnResult();
            JsonNode error = RunningSandbox.json(result.getResponseBody()).get("error");
            assertThat(error.get("message").stringValue()).contains("provisioner.sandbox.faults");
            assertThat(error.at("/innerError/request-id").stringValue())
                    .isEqualTo(result.getResponseHeaders().getFirst("request-id"));
            codes.put(result.getStatus().value(), error.get("code").stringValue());
        }

        assertThat(codes).containsEntry(503, "ServiceUnavailable").containsEntry(504, "GatewayTimeout");
    }

    @Test
    void faultedCreateTeamCreatesNothing() {
        RunningSandbox sandbox = start("rate", "1");
        String token = sandbox.graphToken();

        int status = sandbox.createTeam(token, RunningSandbox.teamWithOwner("Never created"))
                .returnResult(Void.class).getStatus().value();

        assertThat(status).isIn(503, 504);
        JsonNode state = sandbox.state();
        assertThat(state.get("teams").size()).isZero();
        assertThat(state.at("/counters/teamsCreatedByDisplayName").size()).isZero();
    }

    @Test
    void faultsCanBeRestrictedToSomeRoutes() {
        RunningSandbox sandbox = start("rate", "1", "routes", "POST /teams");
        String token = sandbox.graphToken();

        sandbox.get(token, sandbox.graph("/teams('unknown')")).expectStatus().isNotFound();
        assertThat(sandbox.createTeam(token, RunningSandbox.teamWithOwner("Faulted"))
                .returnResult(Void.class).getStatus().value()).isIn(503, 504);
    }

    @Test
    void authenticationAndThrottlingComeBeforeFaults() {
        RunningSandbox sandbox = start("rate", "1");
        sandbox.createTeam("not-a-token", RunningSandbox.teamWithOwner("No token")).expectStatus().isUnauthorized();

        RunningSandbox throttled = new RunningSandbox(Map.of("provisioner.sandbox.faults.rate", "1",
                "provisioner.sandbox.throttling.get-team", "1/1s"));
        sandboxes.add(throttled);
        String token = throttled.graphToken();
        assertThat(throttled.get(token, throttled.graph("/teams('x')")).returnResult(Void.class).getStatus().value())
                .isIn(503, 504);
        throttled.get(token, throttled.graph("/teams('x')")).expectStatus().isEqualTo(429);
        long faults = 0;
        for (JsonNode count : throttled.state().at("/counters/faultsInjected")) {
            faults += count.longValue();
        }
        assertThat(faults).isEqualTo(1);
        assertThat(throttled.state().at("/counters/throttledCalls").longValue()).isEqualTo(1);
    }

    @Test
    void latencyTurnedOnDoesNotChangeWhichCallsFault() {
        List<Integer> without = statuses(start("seed", "42", "rate", "0.5"));
        List<Integer> with = statuses(start("seed", "42", "rate", "0.5", "latency-min", "1ms", "latency-max", "2ms"));

        assertThat(with).isEqualTo(without);
    }

    @Test
    void everyResponseIsDelayedAtLeastTheMinimumLatency() {
        RunningSandbox sandbox = start("seed", "3", "latency-min", "50ms", "latency-max", "80ms");
        String token = sandbox.graphToken();

        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            sandbox.get(token, sandbox.graph("/teams('unknown')")).expectStatus().isNotFound();
            sandbox.createTeam("not-a-token", "{}").expectStatus().isUnauthorized();
            Duration twoCalls = Duration.ofNanos(System.nanoTime() - started);

            assertThat(twoCalls).isGreaterThanOrEqualTo(Duration.ofMillis(100)).isLessThan(Duration.ofSeconds(5));
        }
    }
}
