package org.teamsprovisioner.provisioning;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How provisioning jobs pace their Graph calls.
 *
 * @param pollInterval wait between two reads of a running {@code teamsAsyncOperation}; team
 *     creation typically takes tens of seconds, so polling faster only spends Graph quota.
 * @param retryInitialBackoff first wait after a transient Graph failure (throttling, 5xx, no answer)
 *     when Graph sent no {@code Retry-After}; doubles on each further failure.
 * @param retryMaxBackoff longest wait between two tries of a step.
 * @param retryMaxAttempts tries of one step before the request is marked FAILED.
 */
@Validated
@ConfigurationProperties("provisioner.provisioning")
public record ProvisioningProperties(
        @NotNull @DefaultValue("5s") Duration pollInterval,
        @NotNull @DefaultValue("2s") Duration retryInitialBackoff,
        @NotNull @DefaultValue("5m") Duration retryMaxBackoff,
        @Min(1) @DefaultValue("10") int retryMaxAttempts) {
}
