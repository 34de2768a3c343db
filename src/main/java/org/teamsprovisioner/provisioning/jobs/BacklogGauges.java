package org.teamsprovisioner.provisioning.jobs;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.teamsprovisioner.provisioning.RequestStatus;
import org.teamsprovisioner.provisioning.TeamRequestStore;

/**
 * The provisioning backlog as gauges: unfinished requests by status, jobs due and how long the
 * oldest has waited. Counted by two indexed queries every {@code refreshInterval} on one thread of
 * its own, so a scrape reads numbers in memory and never waits for the database. Every replica
 * reports the same shared backlog: dashboards take {@code max} across pods, not the sum.
 */
class BacklogGauges implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BacklogGauges.class);
    private static final String DUE_JOBS = "select count(*), min(execution_time) from scheduled_tasks "
            + "where task_name = ? and picked = false and execution_time <= ?";

    private final TeamRequestStore store;
    private final DataSource dataSource;
    private final Duration refreshInterval;
    private final Clock clock;
    private final Map<RequestStatus, Long> unfinished = new ConcurrentHashMap<>();
    private volatile long dueJobs;
    private volatile double oldestDueSeconds;
    private ScheduledExecutorService timer;

    BacklogGauges(TeamRequestStore store, DataSource dataSource, Duration refreshInterval, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.dataSource = dataSource;
        this.refreshInterval = refreshInterval;
        this.clock = clock;
        for (RequestStatus status : RequestStatus.values()) {
            if (!status.isTerminal()) {
                unfinished.put(status, 0L);
                Gauge.builder("provisioner.team.requests.unfinished", unfinished, counts -> counts.getOrDefault(status, 0L))
                        .description("Team requests not finished yet, by status (shared by all replicas: use max)")
                        .tag("status", status.name())
                        .register(meters);
            }
        }
        Gauge.builder("provisioner.jobs.due", this, gauges -> gauges.dueJobs)
                .description("Provisioning jobs due now and not picked by any replica")
                .register(meters);
        Gauge.builder("provisioner.jobs.oldest.due.age", this, gauges -> gauges.oldestDueSeconds)
                .description("How long the oldest due job has waited past its time; grows when workers cannot keep up")
                .baseUnit("seconds")
                .register(meters);
    }

    void refresh() {
        try {
            Map<RequestStatus, Long> counted = store.countUnfinished().block(refreshInterval);
            unfinished.replaceAll((status, old) -> counted == null ? 0L : counted.getOrDefault(status, 0L));
            Instant now = clock.instant();
            try (Connection connection = dataSource.getConnection(); PreparedStatement due = connection.prepareStatement(DUE_JOBS)) {
                due.setString(1, ProvisioningJobs.TASK_NAME);
                due.setTimestamp(2, Timestamp.from(now));
                try (ResultSet row = due.executeQuery()) {
                    row.next();
                    dueJobs = row.getLong(1);
                    Timestamp oldest = row.getTimestamp(2);
                    oldestDueSeconds = oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), now).toMillis() / 1000.0);
                }
            }
        } catch (SQLException | RuntimeException unavailable) {
            // The last figures stay (a scrape still answers); readiness reports a database outage.
            log.warn("Backlog gauges not refreshed: {}", unavailable.toString());
        }
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "backlog-gauges");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::refresh, 0, refreshInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        timer.shutdownNow();
        timer = null;
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
