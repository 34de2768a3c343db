package org.teamsprovisioner.provisioning;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * How provisioning is doing, as meters (Micrometer is a facade, like SLF4J; the core names what it
 * measures and the registry decides where it goes). Per-request ids are never tags: Prometheus keeps
 * a series per tag value.
 */
@Component
class ProvisioningMetrics {

    private final MeterRegistry meters;

    ProvisioningMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /**
     * One run of a step.
     *
     * @param outcome {@code advanced} (to another step), {@code retried} (a failed try), {@code waiting}
     *     (Graph not done yet, or throttled), {@code succeeded}, {@code failed}
     */
    void stepRan(Step step, String outcome, long nanos) {
        Timer.builder("provisioner.steps")
                .description("Runs of provisioning steps, by step and outcome")
                .tag("step", step.name())
                .tag("outcome", outcome)
                .register(meters)
                .record(Duration.ofNanos(nanos));
    }

    /** A request reached a terminal status, {@code since} its submission. */
    void finished(RequestStatus status, Instant submittedAt, Instant now) {
        Counter.builder("provisioner.team.requests.finished")
                .description("Team requests that reached a terminal status")
                .tag("status", status.name())
                .register(meters)
                .increment();
        Timer.builder("provisioner.team.requests.duration")
                .description("Time from submission to SUCCEEDED or FAILED")
                .tag("status", status.name())
                // Buckets for histogram_quantile over all replicas; a team takes seconds to tens of minutes.
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofSeconds(1))
                .maximumExpectedValue(Duration.ofHours(2))
                .register(meters)
                .record(Duration.between(submittedAt, now));
    }
}
