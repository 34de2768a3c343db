package org.teamsprovisioner.provisioning.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.teamsprovisioner.provisioning.GraphWorkload;
import org.teamsprovisioner.provisioning.ProvisionTeam;
import org.teamsprovisioner.provisioning.ProvisioningQueue;
import org.teamsprovisioner.provisioning.TeamRequestStore;

/**
 * Provisioning runs as db-scheduler jobs: one execution per request, claimed from the database by
 * whichever replica is free, rescheduled between steps, and revived on another replica when the one
 * running it stops heartbeating.
 */
@Configuration(proxyBeanMethods = false)
class ProvisioningJobs {

    /** db-scheduler task name; the job's instance id is the team request id. */
    static final String TASK_NAME = "provision-team";

    // A step makes one or two Graph calls, each bounded by the Graph response timeout.
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(2);

    /**
     * The job's data is the Graph call slot it holds, if any ({@code workload@epoch-millis}): a job
     * that had to wait for its slot comes back holding it, on whichever replica picks it up.
     */
    @Bean
    CustomTask<String> provisionTeamTask(ProvisionTeam provisionTeam, ObjectProvider<ProvisioningQueue> queue) {
        return Tasks.custom(TASK_NAME, String.class)
                // Only unexpected errors (database down, a bug) get here; Graph failures are handled per step.
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(5), 2.0))
                .execute((instance, context) -> {
                    ProvisionTeam.NextRun next;
                    // For lines logged on this worker thread (db-scheduler's own, a timeout); the step's
                    // lines carry the id themselves, as they may be written on an event-loop thread.
                    try (var ignored = MDC.putCloseable("teamRequestId", instance.getId())) {
                        next = provisionTeam.runNextStep(UUID.fromString(instance.getId()), slot(instance.getData()))
                                .block(STEP_TIMEOUT);
                    }
                    if (next == null || next.isDone()) {
                        return new CompletionHandler.OnCompleteRemove<>();
                    }
                    return (complete, operations) -> {
                        operations.reschedule(complete, next.at(), data(next.held()));
                        queue.ifAvailable(workers -> workers.wakeUpAt(next.at()));
                    };
                });
    }

    static String data(ProvisionTeam.Slot slot) {
        return slot == null ? null : slot.workload().key() + "@" + slot.at().toEpochMilli();
    }

    static ProvisionTeam.Slot slot(String data) {
        int at = data == null ? -1 : data.indexOf('@');
        if (at < 0) {
            return null;
        }
        String key = data.substring(0, at);
        for (GraphWorkload workload : GraphWorkload.values()) {
            if (workload.key().equals(key)) {
                return new ProvisionTeam.Slot(workload, Instant.ofEpochMilli(Long.parseLong(data.substring(at + 1))));
            }
        }
        return null;
    }

    /**
     * This replica's name in the job tables' {@code picked_by}, for every scheduler it runs
     * ({@code provisioner.jobs.scheduler-name}, by default host and process id).
     */
    @Bean
    SchedulerName replicaSchedulerName(JobsProperties properties) {
        return new SchedulerName.Fixed(properties.resolvedSchedulerName());
    }

    /** @param recurringTasks housekeeping (e.g. purging expired idempotency keys), run by whichever replica is free */
    @Bean
    ProvisioningWorkers provisioningWorkers(DataSource dataSource, CustomTask<String> provisionTeamTask, JobsProperties properties,
            List<RecurringTask<?>> recurringTasks, Clock clock) {
        boolean postgres = isPostgres(dataSource);
        return new ProvisioningWorkers(() -> scheduler(dataSource, provisionTeamTask, recurringTasks, properties, postgres),
                properties.enabled(), clock);
    }

    @Bean
    BacklogGauges backlogGauges(TeamRequestStore store, DataSource dataSource, JobsProperties properties, Clock clock,
            MeterRegistry meters) {
        return new BacklogGauges(store, dataSource, properties.metricsRefreshInterval(), clock, meters);
    }

    private static Scheduler scheduler(DataSource dataSource, CustomTask<String> task, List<RecurringTask<?>> recurringTasks,
            JobsProperties properties, boolean postgres) {
        var builder = Scheduler.create(dataSource, task)
                .startTasks(recurringTasks)
                // picked_by tells which replica holds a job; replicas on one host must not share a name.
                .schedulerName(new SchedulerName.Fixed(properties.resolvedSchedulerName()))
                .threads(properties.threads())
                .pollingInterval(properties.pollingInterval())
                .heartbeatInterval(properties.heartbeatInterval())
                .missedHeartbeatsLimit(properties.missedHeartbeatsLimit())
                .shutdownMaxWait(properties.shutdownMaxWait())
                // The columns are timestamptz; UTC keeps rows comparable across replicas in other zones.
                .alwaysPersistTimestampInUTC()
                .enableImmediateExecution();
        if (postgres) {
            // One statement with FOR UPDATE SKIP LOCKED: replicas never contend for the same rows.
            builder = builder.pollUsingLockAndFetch(0.5, 1.0);
        }
        return builder.build();
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to set up job polling", e);
        }
    }
}
