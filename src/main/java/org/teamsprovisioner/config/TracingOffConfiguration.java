package org.teamsprovisioner.config;

import io.micrometer.tracing.Tracer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * No tracer while traces are not exported (the default: {@code management.tracing.export.enabled}
 * is {@code PROVISIONER_TRACING_ENABLED}, false). Boot's OpenTelemetry auto-configuration builds a
 * tracer whether or not its spans go anywhere, and every request then starts spans, opens and closes
 * their scopes, and copies their ids into the MDC each time a Reactor operator restores the
 * request's thread locals (a status read restores them a dozen times in R2DBC alone), all for spans
 * that are thrown away. Micrometer's no-op tracer takes its place, so Boot's tracer (which is
 * conditional on there being none) steps back; with export on, this configuration steps back instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "management.tracing.export.enabled", havingValue = "false")
class TracingOffConfiguration {

    @Bean
    Tracer noTracer() {
        return Tracer.NOOP;
    }
}
