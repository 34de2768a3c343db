package org.teamsprovisioner.provisioning;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code Idempotency-Key} on {@code POST /api/v1/team-requests}.
 *
 * @param retention how long a key answers repeats with its first request; after that the key may be
 *     reused for a new request. The draft leaves the period to the server; 24 h covers a portal's
 *     retries across a day's outage.
 * @param purgeInterval how often one replica deletes expired keys; an expired key is ignored
 *     (and replaced on reuse) even before it is purged.
 */
@Validated
@ConfigurationProperties("provisioner.idempotency")
public record IdempotencyProperties(
        @NotNull @DefaultValue("24h") Duration retention,
        @NotNull @DefaultValue("1h") Duration purgeInterval) {

    public IdempotencyProperties {
        if (retention != null && (retention.isNegative() || retention.isZero())) {
            throw new IllegalArgumentException("provisioner.idempotency.retention must be positive");
        }
        if (purgeInterval != null && (purgeInterval.isNegative() || purgeInterval.isZero())) {
            throw new IllegalArgumentException("provisioner.idempotency.purge-interval must be positive");
        }
    }
}
