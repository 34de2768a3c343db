package org.teamsprovisioner.provisioning.jobs;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.teamsprovisioner.provisioning.ProvisioningJobRows;

/**
 * Provisioning jobs in db-scheduler's own table format (V2 migration), for the store to write with
 * its request: db-scheduler's client is JDBC and cannot join the store's R2DBC transaction. A new
 * job is an unpicked execution of {@link ProvisioningJobs#TASK_NAME} without data, whose instance id
 * is the request id; {@code version} 1 is what db-scheduler gives a new execution.
 */
@Component
class ScheduledTaskRows implements ProvisioningJobRows {

    private static final String INTO = "scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version)";
    private static final String VALUES = ":task_name, :task_instance, null, :execution_time, false, 1";
    // A picked job is running and may be talking to Graph right now.
    private static final String DELETE_UNPICKED = "delete from scheduled_tasks where task_name = :task_name "
            + "and task_instance = :task_instance and picked = false";

    @Override
    public Insert scheduled(UUID requestId, Instant dueAt) {
        return new Insert(INTO, VALUES, Map.of(
                "task_name", ProvisioningJobs.TASK_NAME,
                "task_instance", requestId.toString(),
                // The columns are timestamptz and db-scheduler writes them in UTC (alwaysPersistTimestampInUTC).
                "execution_time", dueAt.atOffset(ZoneOffset.UTC)));
    }

    @Override
    public Statement nextRunAt(String requestId) {
        return new Statement("(select execution_time from scheduled_tasks where task_name = :job_task_name and task_instance = cast("
                + requestId + " as varchar(250)))", Map.of("job_task_name", ProvisioningJobs.TASK_NAME));
    }

    @Override
    public Statement deleteUnpicked(UUID requestId) {
        return new Statement(DELETE_UNPICKED, Map.of("task_name", ProvisioningJobs.TASK_NAME, "task_instance", requestId.toString()));
    }
}
