package org.teamsprovisioner.provisioning.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ConcurrentModificationException;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.teamsprovisioner.provisioning.RequestStatus;
import org.teamsprovisioner.provisioning.TeamRequest;
import org.teamsprovisioner.provisioning.TeamRequestStore;
import org.teamsprovisioner.provisioning.jobs.ProvisioningJobs;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class R2dbcTeamRequestStore implements TeamRequestStore {

    private static final String COLUMNS = "id, requester, display_name, status, step, spec, team_id, operation_id, "
            + "operation_status, operation_attempts, web_url, error_code, error_message, step_attempts, created_at, "
            + "updated_at, version, group_id, group_created_at, pending_call, pending_since";

    private final DatabaseClient db;
    private final TransactionalOperator transaction;
    private final TeamRequestRows rows;

    R2dbcTeamRequestStore(DatabaseClient db, ReactiveTransactionManager transactions, TeamRequestRows rows) {
        this.db = db;
        this.transaction = TransactionalOperator.create(transactions);
        this.rows = rows;
    }

    @Override
    public Mono<TeamRequest> create(TeamRequest request) {
        GenericExecuteSpec insert = db.sql("insert into team_request (" + COLUMNS + ") values (:id, :requester, "
                + ":display_name, :status, :step, :spec, :team_id, :operation_id, :operation_status, "
                + ":operation_attempts, :web_url, :error_code, :error_message, :step_attempts, :created_at, "
                + ":updated_at, 0, :group_id, :group_created_at, :pending_call, :pending_since)");
        // The job row is db-scheduler's own format (see V2 migration): written here so that the request
        // and its job commit together, which db-scheduler's JDBC client cannot do inside an R2DBC transaction.
        GenericExecuteSpec job = db.sql("insert into scheduled_tasks (task_name, task_instance, task_data, "
                        + "execution_time, picked, version) values (:task_name, :task_instance, null, :execution_time, false, 1)")
                .bind("task_name", ProvisioningJobs.TASK_NAME)
                .bind("task_instance", request.id().toString())
                .bind("execution_time", utc(request.createdAt()));
        return rows.bindAll(insert, request).fetch().rowsUpdated()
                .then(job.fetch().rowsUpdated())
                .as(transaction::transactional)
                .thenReturn(request);
    }

    @Override
    public Mono<TeamRequest> find(UUID id) {
        return db.sql("select " + COLUMNS + " from team_request where id = :id").bind("id", id).map(rows::read).one();
    }

    @Override
    public Mono<TeamRequest> save(TeamRequest request) {
        GenericExecuteSpec update = db.sql("update team_request set status = :status, step = :step, team_id = :team_id, "
                + "operation_id = :operation_id, operation_status = :operation_status, operation_attempts = "
                + ":operation_attempts, web_url = :web_url, error_code = :error_code, error_message = :error_message, "
                + "step_attempts = :step_attempts, updated_at = :updated_at, group_id = :group_id, "
                + "group_created_at = :group_created_at, pending_call = :pending_call, pending_since = :pending_since, "
                + "version = version + 1 "
                + "where id = :id and version = :version");
        return rows.bindState(update, request).bind("id", request.id()).bind("version", request.version())
                .fetch().rowsUpdated()
                .flatMap(updated -> updated == 1
                        ? Mono.just(request.withVersion(request.version() + 1))
                        : Mono.error(new ConcurrentModificationException("Team request " + request.id() + " was changed concurrently")));
    }

    @Override
    public Flux<TeamRequest> findByRequester(String requester, RequestStatus status, PageKey after, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from team_request where requester = :requester");
        if (status != null) {
            sql.append(" and status = :status");
        }
        if (after != null) {
            sql.append(" and (created_at < :after_created or (created_at = :after_created and id < :after_id))");
        }
        sql.append(" order by created_at desc, id desc limit :limit");
        GenericExecuteSpec query = db.sql(sql.toString()).bind("requester", requester).bind("limit", limit);
        if (status != null) {
            query = query.bind("status", status.name());
        }
        if (after != null) {
            query = query.bind("after_created", utc(after.createdAt())).bind("after_id", after.id());
        }
        return query.map(rows::read).all();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
