package org.teamsprovisioner.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.teamsprovisioner.support.SandboxH2Test;

/**
 * Traces not exported (the default) means no tracing machinery at all: no tracing observation handler
 * for requests to pass through, no propagator starting server spans, and Micrometer's no-op tracer as
 * the only tracer. With export on, Boot's OpenTelemetry tracing is used and spans reach the collector
 * ({@code provisioning/TracingExportTest}).
 */
class TracingOffTest extends SandboxH2Test {

    @Autowired
    private ApplicationContext context;

    @Autowired
    private List<Tracer> tracers;

    @Test
    void withoutExportNoTracingHandlerOrPropagatorIsMade() {
        assertThat(context.getBeanNamesForType(TracingObservationHandler.class)).isEmpty();
        assertThat(context.getBeanNamesForType(Propagator.class)).isEmpty();
        assertThat(context.getBeanNamesForType(io.opentelemetry.api.trace.Tracer.class)).isEmpty();
    }

    @Test
    void withoutExportTheOnlyTracerIsTheNoOpOne() {
        assertThat(tracers).containsExactly(Tracer.NOOP);
    }
}
