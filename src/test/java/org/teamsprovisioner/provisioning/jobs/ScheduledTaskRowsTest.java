package org.teamsprovisioner.provisioning.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.teamsprovisioner.provisioning.ProvisioningJobRows;
import org.teamsprovisioner.support.MigratedDatabases;
import org.teamsprovisioner.support.MigratedDatabases.Migrated;

/**
 * The job rows the store writes with its requests are db-scheduler's: db-scheduler reads them as
 * unpicked executions of the provisioning task, and only an unpicked one can be withdrawn.
 */
class ScheduledTaskRowsTest {

    private static final Instant DUE = Instant.parse("2026-01-05T09:00:00.123456Z");

    private static Migrated postgres;
    private static Migrated h2;

    private final ScheduledTaskRows rows = new ScheduledTaskRows();

    @BeforeAll
    static void databases() {
        postgres = MigratedDatabases.migratedPostgres();
        h2 = MigratedDatabases.migratedH2();
    }

    static Stream<String> onBothDatabases() {
        return Stream.of("PostgreSQL", "H2");
    }

    private static Migrated database(String name) {
        return name.equals("PostgreSQL") ? postgres : h2;
    }

    @ParameterizedTest
    @MethodSource("onBothDatabases")
    void insertedJobIsAnUnpickedExecutionOfTheProvisioningTaskDueAtItsTime(String name) {
        Migrated db = database(name);
        UUID request = UUID.randomUUID();
        ProvisioningJobRows.Insert job = rows.scheduled(request, DUE);

        assertThat(run(db, job.sql(), job.parameters())).isEqualTo(1);

        ScheduledExecution<Object> execution = execution(db, request).orElseThrow();
        assertThat(execution.getExecutionTime()).isEqualTo(DUE);
        assertThat(execution.isPicked()).isFalse();
        assertThat(execution.getData()).as("no Graph call slot held yet").isNull();
    }

    @ParameterizedTest
    @MethodSource("onBothDatabases")
    void jobInsertedFromARowSourceIsInsertedOnlyWhenTheSourceHasARow(String name) {
        Migrated db = database(name);
        UUID claimed = UUID.randomUUID();
        UUID taken = UUID.randomUUID();
        ProvisioningJobRows.Insert withRequest = rows.scheduled(claimed, DUE);
        ProvisioningJobRows.Insert withoutRequest = rows.scheduled(taken, DUE);

        assertThat(run(db, withRequest.sqlFrom("(select 1 as id) request"), withRequest.parameters())).isEqualTo(1);
        assertThat(run(db, withoutRequest.sqlFrom("(select 1 as id where 1 = 0) request"), withoutRequest.parameters())).isZero();

        assertThat(execution(db, claimed)).isPresent();
        assertThat(execution(db, taken)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("onBothDatabases")
    void unpickedJobIsDeletedAndAPickedOneIsLeftToItsWorker(String name) {
        Migrated db = database(name);
        UUID waiting = UUID.randomUUID();
        UUID running = UUID.randomUUID();
        for (UUID request : new UUID[] {waiting, running}) {
            ProvisioningJobRows.Insert job = rows.scheduled(request, DUE);
            run(db, job.sql(), job.parameters());
        }
        new JdbcTemplate(db.jdbc()).update("update scheduled_tasks set picked = true, picked_by = 'replica-1' where task_instance = ?",
                running.toString());

        ProvisioningJobRows.Statement deleteWaiting = rows.deleteUnpicked(waiting);
        ProvisioningJobRows.Statement deleteRunning = rows.deleteUnpicked(running);

        assertThat(run(db, deleteWaiting.sql(), deleteWaiting.parameters())).isEqualTo(1);
        assertThat(run(db, deleteRunning.sql(), deleteRunning.parameters())).isZero();
        assertThat(execution(db, waiting)).isEmpty();
        assertThat(execution(db, running)).get().extracting(ScheduledExecution::isPicked).isEqualTo(true);
    }

    /** As the store runs it: parameters bound by name. */
    private static long run(Migrated db, String sql, Map<String, Object> parameters) {
        GenericExecuteSpec statement = db.r2dbc().sql(sql);
        for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
            statement = statement.bind(parameter.getKey(), parameter.getValue());
        }
        return statement.fetch().rowsUpdated().block();
    }

    private static Optional<ScheduledExecution<Object>> execution(Migrated db, UUID request) {
        SchedulerClient scheduler = SchedulerClient.Builder.create(db.jdbc(),
                Tasks.oneTime(ProvisioningJobs.TASK_NAME, String.class).execute((instance, context) -> { })).build();
        return scheduler.getScheduledExecution(TaskInstanceId.of(ProvisioningJobs.TASK_NAME, request.toString()));
    }
}
