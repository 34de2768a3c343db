package org.teamsprovisioner.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.teamsprovisioner.provisioning.GraphCallFailed;
import org.teamsprovisioner.provisioning.GraphCallFailed.Kind;

/** Graph's errors as provisioning is told them: the kind decides what a step does next. */
class GraphCallFailuresTest {

    private static GraphCallFailed of(int status, String code) {
        return GraphCallFailures.of(new GraphException(status, code, "Graph's text", null, null));
    }

    @Test
    void throttlingAndAnOpenBreakerPostponeTheCall() {
        assertThat(of(429, "TooManyRequests").kind()).isEqualTo(Kind.POSTPONED);
        assertThat(of(429, GraphException.TENANT_THROTTLED).kind()).isEqualTo(Kind.POSTPONED);
        // The breaker answers 503, which alone would be transient: waiting for it must cost no try.
        assertThat(of(503, GraphException.CIRCUIT_OPEN).kind()).isEqualTo(Kind.POSTPONED);
    }

    @Test
    void retryableGatewayErrorsAndNoAnswerAreTransient() {
        for (int status : new int[] {0, 500, 502, 503, 504}) {
            assertThat(of(status, "Whatever").kind()).as("HTTP %s", status).isEqualTo(Kind.TRANSIENT);
        }
    }

    @Test
    void notFoundConflictAndOtherRefusalsAreToldApart() {
        assertThat(of(404, "NotFound").kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(of(409, "Conflict").kind()).isEqualTo(Kind.CONFLICT);
        assertThat(of(400, "BadRequest").kind()).isEqualTo(Kind.REFUSED);
        assertThat(of(403, "Forbidden").kind()).isEqualTo(Kind.REFUSED);
        assertThat(of(501, "NotImplemented").kind()).isEqualTo(Kind.REFUSED);
    }

    @Test
    void lostAnswerOfAPostStaysAmbiguousWithGraphsCodeWaitAndSafeSummary() {
        GraphException lost = new GraphException(503, "ServiceUnavailable", "Graph's text (request-id 42)", Duration.ofSeconds(12), null)
                .ambiguous();

        GraphCallFailed failed = GraphCallFailures.of(lost);

        assertThat(failed.isAmbiguous()).isTrue();
        assertThat(failed.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(failed.retryAfter()).contains(Duration.ofSeconds(12));
        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.code()).isEqualTo("ServiceUnavailable");
        assertThat(failed.summary()).isEqualTo(lost.summary()).doesNotContain("request-id");
        assertThat(failed.getMessage()).isEqualTo(lost.getMessage());
        assertThat(failed.getCause()).isSameAs(lost);
    }

    @Test
    void refusedPostIsNotAmbiguous() {
        assertThat(of(400, "BadRequest").isAmbiguous()).isFalse();
    }
}
