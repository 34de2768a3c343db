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
 * @param pollInitialDelay wait between Graph accepting a team and the first read of its
 *     {@code teamsAsyncOperation}.
 * @param pollInterval wait between two reads of a running {@code teamsAsyncOperation}, or Graph's
 *     {@code Retry-After} on the last read when that is longer; up to 10 % is added at random so
 *     polls of a bulk spread out. Microsoft's teamsAsyncOperation doc asks to "wait >30 seconds
 *     between checks"; polling faster only spends the Teams read quota.
 * @param retryInitialBackoff first wait after a transient Graph failure (throttling, 5xx, no answer)
 *     when Graph sent no {@code Retry-After}; doubles on each further failure.
 * @param retryMaxBackoff longest wait between two tries of a step.
 * @param retryMaxAttempts tries of one step before the request is marked FAILED.
 * @param deadline how long a request may take in all; past it, it is marked FAILED
 *     ({@code DeadlineExceeded}) instead of being tried again.
 * @param replicationRetries tries of {@code POST /teams} on a new group, {@code replicationRetryInterval}
 *     apart, before backing off: Microsoft's guidance for the 404 a group under 15 minutes old can cause.
 * @param replicationRetryInterval wait between those first tries (Microsoft: 10 seconds).
 * @param replicationWindow age of the group after which a 404 is final (Microsoft: 15 minutes).
 * @param replicationMaxBackoff longest wait between later tries within the window.
 * @param filesFolderCheck how long after a team is ready its General channel's files folder is read,
 *     which provisions the SharePoint folder if it failed (the Create team doc's advice after 5
 *     minutes); 0 turns the check off.
 * @param reconcileSkew allowance for clock differences when matching a team Graph created to a request
 *     whose POST had an unknown outcome.
 */
@Validated
@ConfigurationProperties("provisioner.provisioning")
public record ProvisioningProperties(
        @NotNull @DefaultValue("30s") Duration pollInitialDelay,
        @NotNull @DefaultValue("30s") Duration pollInterval,
        @NotNull @DefaultValue("2s") Duration retryInitialBackoff,
        @NotNull @DefaultValue("5m") Duration retryMaxBackoff,
        @Min(1) @DefaultValue("10") int retryMaxAttempts,
        @NotNull @DefaultValue("1h") Duration deadline,
        @Min(0) @DefaultValue("3") int replicationRetries,
        @NotNull @DefaultValue("10s") Duration replicationRetryInterval,
        @NotNull @DefaultValue("15m") Duration replicationWindow,
        @NotNull @DefaultValue("2m") Duration replicationMaxBackoff,
        @NotNull @DefaultValue("5m") Duration reconcileSkew,
        @NotNull @DefaultValue("5m") Duration filesFolderCheck) {
}
