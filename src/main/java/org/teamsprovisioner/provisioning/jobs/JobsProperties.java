package org.teamsprovisioner.provisioning.jobs;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The durable job workers (db-scheduler) of this replica.
 *
 * @param enabled whether this replica runs provisioning jobs at all (an API-only replica sets false).
 * @param threads jobs this replica runs at once; each holds a thread while it waits on Graph.
 * @param pollingInterval how often an idle replica looks for due jobs. New requests on this replica
 *     start at once regardless; this bounds the delay for work due on other replicas and for retries.
 * @param heartbeatInterval how often a running job proves its replica is alive.
 * @param missedHeartbeatsLimit missed heartbeats after which another replica takes the job over
 *     (db-scheduler refuses fewer than 4).
 * @param shutdownMaxWait how long shutdown waits for running jobs before leaving them to be taken over.
 */
@Validated
@ConfigurationProperties("provisioner.jobs")
public record JobsProperties(
        @DefaultValue("true") boolean enabled,
        @Min(1) @DefaultValue("8") int threads,
        @NotNull @DefaultValue("5s") Duration pollingInterval,
        @NotNull @DefaultValue("30s") Duration heartbeatInterval,
        @Min(4) @DefaultValue("6") int missedHeartbeatsLimit,
        @NotNull @DefaultValue("20s") Duration shutdownMaxWait) {
}
