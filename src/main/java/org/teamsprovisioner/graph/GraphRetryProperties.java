package org.teamsprovisioner.graph;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * In-process retries of idempotent Graph calls (GETs, operation polls) after 429, 500, 502, 503, 504,
 * a lost connection or a timeout. POSTs are never retried here. What these retries do not fix, the
 * provisioning job retries later (see {@code provisioner.provisioning.*}).
 *
 * @param maxAttempts tries of one call, the first included.
 * @param initialBackoff wait before the first retry when Graph sent no {@code Retry-After}; grows by
 *     {@code multiplier} per retry, with ±50 % jitter so replicas do not retry in step.
 * @param multiplier growth of the wait from one retry to the next.
 * @param maxBackoff longest wait between two tries when Graph sent no {@code Retry-After}.
 * @param retryAfterCap longest {@code Retry-After} waited for in-process. A longer one is not
 *     waited for here: the call fails with it, so the job reschedules itself for then instead of
 *     holding a worker.
 */
@Validated
@ConfigurationProperties("provisioner.graph.retry")
public record GraphRetryProperties(
        @Min(1) @DefaultValue("4") int maxAttempts,
        @NotNull @DurationMin(millis = 1) @DefaultValue("500ms") Duration initialBackoff,
        @DecimalMin("1.0") @DefaultValue("2") double multiplier,
        @NotNull @DurationMin(millis = 1) @DefaultValue("10s") Duration maxBackoff,
        @NotNull @DefaultValue("10s") Duration retryAfterCap) {
}
