package org.teamsprovisioner.config;

import java.util.Set;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * No tracing machinery while traces are not exported (the default: {@code management.tracing.export.enabled}
 * is {@code PROVISIONER_TRACING_ENABLED}, false). Boot builds its OpenTelemetry tracer, propagator and
 * tracing observation handlers whatever that switch says; every request then starts a server span
 * through the propagator, and each time a Reactor operator restores the request's thread locals (a
 * status read's R2DBC statement does so in several of its operators) the handlers open and close a
 * span scope, for spans that are thrown away: 5.5 % of a status read's CPU samples, none after (JFR,
 * 2026-12-06). A no-op tracer bean alone did not stop it, since the propagator is built on the SDK's
 * tracer.
 * <p>
 * With export off these auto-configurations are left out; Boot's {@code NoopTracerAutoConfiguration}
 * still supplies Micrometer's no-op tracer to anything that asks for one. With export on, nothing is
 * left out. An import filter rather than {@code spring.autoconfigure.exclude}: it reads the switch
 * when the auto-configurations are chosen, after every property source (a test's too) is in place.
 * Registered in {@code META-INF/spring.factories}.
 */
class TracingOffFilter implements AutoConfigurationImportFilter, EnvironmentAware {

    static final Set<String> TRACING = Set.of(
            "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
            "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
            "org.springframework.boot.micrometer.tracing.autoconfigure.prometheus.PrometheusExemplarsAutoConfiguration",
            "org.springframework.boot.micrometer.tracing.autoconfigure.otlp.OtlpExemplarsAutoConfiguration");

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean exported = environment.getProperty("management.tracing.export.enabled", Boolean.class, true);
        boolean[] match = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < match.length; i++) {
            match[i] = exported || autoConfigurationClasses[i] == null || !TRACING.contains(autoConfigurationClasses[i]);
        }
        return match;
    }
}
