package org.teamsprovisioner.provisioning.jobs;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The durable job workers (db-scheduler) of this replica.
 *
 * @param enabled whether this replica runs provisioning jobs at all (an API-only replica sets false).
 * @param threads jobs this replica runs at once; each holds a thread only while its step's Graph
 *     call is on the wire (waits are reschedules).
 * @param pollingInterval how often a replica looks for due jobs it was not woken for: work that
 *     another replica rescheduled, or revived after a replica died. Jobs this replica submits or
 *     reschedules are woken at their time.
 * @param heartbeatInterval how often a running job proves its replica is alive; each running job
 *     costs one UPDATE per interval.
 * @param missedHeartbeatsLimit missed heartbeats after which another replica takes a dead
 *     replica's running jobs over (db-scheduler refuses fewer than 4). db-scheduler looks for dead
 *     jobs every two heartbeat intervals, so a job waits at most about
 *     {@code heartbeatInterval × (missedHeartbeatsLimit + 2) + pollingInterval}: 25 s by default.
 * @param shutdownMaxWait how long shutdown waits for running jobs before leaving them to be taken over.
 * @param metricsRefreshInterval how often the backlog gauges (unfinished requests by status, jobs due,
 *     age of the oldest due job) are counted: two indexed queries per interval and replica.
 * @param schedulerName this replica's name in {@code scheduled_tasks.picked_by} (at most 50
 *     characters); by default host name and process id, so replicas on one host differ.
 */
@Validated
@ConfigurationProperties("provisioner.jobs")
public record JobsProperties(
        @DefaultValue("true") boolean enabled,
        @Min(1) @DefaultValue("8") int threads,
        @NotNull @DefaultValue("1s") Duration pollingInterval,
        @NotNull @DefaultValue("4s") Duration heartbeatInterval,
        @Min(4) @DefaultValue("4") int missedHeartbeatsLimit,
        @NotNull @DefaultValue("20s") Duration shutdownMaxWait,
        @NotNull @DefaultValue("15s") Duration metricsRefreshInterval,
        @Size(max = 50) String schedulerName) {

    String resolvedSchedulerName() {
        if (schedulerName != null && !schedulerName.isBlank()) {
            return schedulerName;
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unknown) {
            host = "unknown-host";
        }
        String suffix = "-" + ProcessHandle.current().pid();
        return (host.length() + suffix.length() > 50 ? host.substring(0, 50 - suffix.length()) : host) + suffix;
    }
}
