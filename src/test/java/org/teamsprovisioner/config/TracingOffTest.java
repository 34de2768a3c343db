package org.teamsprovisioner.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.Tracer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.teamsprovisioner.support.SandboxH2Test;

/**
 * Traces not exported (the default) means no spans made at all: Micrometer's no-op tracer is the
 * only one, so requests pay for no span, scope or MDC work. With export on, Boot's OpenTelemetry
 * tracer is used and spans reach the collector ({@code provisioning/TracingExportTest}).
 */
class TracingOffTest extends SandboxH2Test {

    @Autowired
    private List<Tracer> tracers;

    @Test
    void withoutExportTheOnlyTracerIsTheNoOpOne() {
        assertThat(tracers).containsExactly(Tracer.NOOP);
        assertThat(tracers.get(0).nextSpan().isNoop()).isTrue();
    }
}
