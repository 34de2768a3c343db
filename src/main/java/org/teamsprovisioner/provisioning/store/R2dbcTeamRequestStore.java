package org.teamsprovisioner.provisioning.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.teamsprovisioner.provisioning.IdempotencyKey;
import org.teamsprovisioner.provisioning.IdempotencyKeyTakenException;
import org.teamsprovisioner.provisioning.ProvisioningJobRows;
import org.teamsprovisioner.provisioning.RequestEvent;
import org.teamsprovisioner.provisioning.RequestStatus;
import org.teamsprovisioner.provisioning.RequestSummary;
import org.teamsprovisioner.provisioning.TeamRequest;
import org.teamsprovisioner.provisioning.TeamRequestConflictException;
import org.teamsprovisioner.provisioning.TeamRequestStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Every method runs its statements without the request's thread-local values ({@link ThreadLocalsOff} says why). */
@Repository
class R2dbcTeamRequestStore implements TeamRequestStore {

    private static final String COLUMNS = "id, requester, display_name, status, step, spec, team_id, operation_id, "
            + "operation_status, operation_attempts, web_url, error_code, error_message, step_attempts, created_at, "
            + "updated_at, version, group_id, group_created_at, pending_call, pending_since, deadline_at, members_added";

    private static final String VALUES = ":id, :requester, :display_name, :status, :step, :spec, :team_id, :operation_id, "
            + ":operation_status, :operation_attempts, :web_url, :error_code, :error_message, :step_attempts, :created_at, "
            + ":updated_at, 0, :group_id, :group_created_at, :pending_call, :pending_since, :deadline_at, :members_added";
    private static final String UPDATE = "update team_request set status = :status, step = :step, team_id = :team_id, "
            + "operation_id = :operation_id, operation_status = :operation_status, operation_attempts = "
            + ":operation_attempts, web_url = :web_url, error_code = :error_code, error_message = :error_message, "
            + "step_attempts = :step_attempts, updated_at = :updated_at, group_id = :group_id, "
            + "group_created_at = :group_created_at, pending_call = :pending_call, pending_since = :pending_since, "
            + "deadline_at = :deadline_at, members_added = :members_added, version = version + 1 "
            + "where id = :id and version = :version";
    private static final String INSERT_REQUEST = "insert into team_request (" + COLUMNS + ") values (" + VALUES + ")";

    private final DatabaseClient db;
    private final TransactionalOperator transaction;
    private final TeamRequestRows rows;
    private final ProvisioningJobRows jobs;
    private final boolean postgres;
    private final JsonMapper json;
    private final PolledHistoryWatch watch;
    private final ProvisioningJobRows.Statement summaryQuery;

    /**
     * @param jobs the job rows written with the requests, in their transaction
     * @param watch told of each committed append, for this replica's live event streams
     */
    R2dbcTeamRequestStore(DatabaseClient db, ReactiveTransactionManager transactions, TeamRequestRows rows, ProvisioningJobRows jobs,
            JsonMapper json, PolledHistoryWatch watch) {
        this.watch = watch;
        this.json = json;
        this.db = db;
        this.transaction = TransactionalOperator.create(transactions);
        this.rows = rows;
        this.jobs = jobs;
        this.summaryQuery = summaryQuery(jobs);
        this.postgres = db.getConnectionFactory().getMetadata().getName().toLowerCase().contains("postgres");
    }

    @Override
    public Mono<TeamRequest> create(TeamRequest request, Instant firstRunAt, List<RequestEvent> events) {
        if (postgres) {
            // One statement, so one round trip and one implicit transaction: a submit's cost in the
            // database is its commit, not a conversation of BEGIN, three INSERTs and COMMIT.
            ProvisioningJobRows.Insert job = jobs.scheduled(request.id(), firstRunAt);
            GenericExecuteSpec statement = rows.bindAll(db.sql("with request as (" + INSERT_REQUEST + " returning id)"
                    + eventsFrom("request", "0", events) + " " + job.sqlFrom("request")), request);
            return bind(bindEvents(statement, events), job.parameters())
                    .fetch().rowsUpdated()
                    .thenReturn(request)
                    .contextWrite(ThreadLocalsOff::without);
        }
        return insertRequest(request)
                .then(appendEvents(request.id(), events))
                .then(insertJob(request, firstRunAt))
                .as(transaction::transactional)
                .thenReturn(request)
                .contextWrite(ThreadLocalsOff::without);
    }

    @Override
    public Mono<TeamRequest> create(TeamRequest request, IdempotencyKey key, Instant keyExpiresAt, Instant firstRunAt,
            List<RequestEvent> events) {
        if (postgres) {
            return createClaimingKeyInOneStatement(request, key, keyExpiresAt, firstRunAt, events).contextWrite(ThreadLocalsOff::without);
        }
        // The key row goes first: a concurrent insert of the same (caller, key) waits on it (PostgreSQL)
        // or fails at once (H2), and neither can commit a second request.
        GenericExecuteSpec forgetExpired = db.sql("delete from idempotency_key where caller = :caller and idem_key = :key "
                        + "and expires_at <= :now")
                .bind("caller", key.caller()).bind("key", key.key()).bind("now", utc(request.createdAt()));
        GenericExecuteSpec claim = db.sql("insert into idempotency_key (caller, idem_key, fingerprint, request_id, created_at, "
                        + "expires_at) values (:caller, :key, :fingerprint, :request_id, :created_at, :expires_at)")
                .bind("caller", key.caller()).bind("key", key.key()).bind("fingerprint", key.fingerprint())
                .bind("request_id", request.id()).bind("created_at", utc(request.createdAt()))
                .bind("expires_at", utc(keyExpiresAt));
        return forgetExpired.fetch().rowsUpdated()
                .then(claim.fetch().rowsUpdated()
                        .onErrorMap(TeamRequestRows::isConflict, taken -> new IdempotencyKeyTakenException(key.caller(), key.key(), taken)))
                .then(insertRequest(request))
                .then(appendEvents(request.id(), events))
                .then(insertJob(request, firstRunAt))
                .as(transaction::transactional)
                .thenReturn(request)
                .contextWrite(ThreadLocalsOff::without);
    }

    /**
     * PostgreSQL: the key, the request, its first events and its job in one statement. The key is claimed with
     * {@code ON CONFLICT}: a concurrent insert of the same (caller, key) waits for the other
     * transaction and then finds its row, which it replaces only if it expired; the request and the
     * job are inserted only when the claim returned a row, so nothing is stored for a taken key.
     */
    private Mono<TeamRequest> createClaimingKeyInOneStatement(TeamRequest request, IdempotencyKey key, Instant keyExpiresAt,
            Instant firstRunAt, List<RequestEvent> events) {
        ProvisioningJobRows.Insert job = jobs.scheduled(request.id(), firstRunAt);
        String sql = "with claim as (insert into idempotency_key (caller, idem_key, fingerprint, request_id, created_at, expires_at) "
                + "values (:caller, :key, :fingerprint, :id, :created_at, :expires_at) "
                + "on conflict (caller, idem_key) do update set fingerprint = excluded.fingerprint, request_id = excluded.request_id, "
                + "created_at = excluded.created_at, expires_at = excluded.expires_at "
                + "where idempotency_key.expires_at <= excluded.created_at returning request_id), "
                + "request as (insert into team_request (" + COLUMNS + ") select " + VALUES + " from claim returning id)"
                + eventsFrom("request", "0", events) + " "
                + job.sqlFrom("request");
        GenericExecuteSpec statement = bindEvents(rows.bindAll(db.sql(sql), request), events)
                .bind("caller", key.caller()).bind("key", key.key()).bind("fingerprint", key.fingerprint())
                .bind("expires_at", utc(keyExpiresAt));
        return bind(statement, job.parameters()).fetch().rowsUpdated()
                .flatMap(inserted -> inserted == 1 ? Mono.just(request)
                        : Mono.error(new IdempotencyKeyTakenException(key.caller(), key.key(), null)));
    }

    private Mono<Long> insertRequest(TeamRequest request) {
        return rows.bindAll(db.sql(INSERT_REQUEST), request).fetch().rowsUpdated();
    }

    /** Inserted here, not by the scheduler, so that the request and its job commit together. */
    private Mono<Long> insertJob(TeamRequest request, Instant executionTime) {
        ProvisioningJobRows.Insert job = jobs.scheduled(request.id(), executionTime);
        return bind(db.sql(job.sql()), job.parameters()).fetch().rowsUpdated();
    }

    private static GenericExecuteSpec bind(GenericExecuteSpec statement, Map<String, Object> parameters) {
        for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
            statement = statement.bind(parameter.getKey(), parameter.getValue());
        }
        return statement;
    }

    /**
     * PostgreSQL: events as further data-modifying CTEs of the statement that writes their request,
     * run only when {@code source} returned the request's row. Every part of one statement sees the
     * same snapshot, so the k-th event's id is {@code lastId} + k.
     *
     * @param lastId SQL for the request's last event id before this statement
     */
    private static String eventsFrom(String source, String lastId, List<RequestEvent> events) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < events.size(); i++) {
            sql.append(", event_").append(i).append(" as (insert into team_request_event (request_id, id, occurred_at, type, actor, data) ")
                    .append("select id, ").append(lastId).append(" + ").append(i + 1).append(", :event_at_").append(i).append(", :event_type_").append(i)
                    .append(", :event_actor_").append(i).append(", :event_data_").append(i).append(" from ").append(source).append(")");
        }
        return sql.toString();
    }

    private GenericExecuteSpec bindEvents(GenericExecuteSpec statement, List<RequestEvent> events) {
        for (int i = 0; i < events.size(); i++) {
            RequestEvent event = events.get(i);
            statement = statement.bind("event_at_" + i, utc(event.time())).bind("event_type_" + i, event.type().wireName())
                    .bind("event_actor_" + i, event.actor()).bind("event_data_" + i, json.writeValueAsString(event.data()));
        }
        return statement;
    }

    /** Each event with the next id of its request; inside the caller's transaction, after the request row is written. */
    private Mono<Void> appendEvents(UUID requestId, List<RequestEvent> events) {
        return Flux.fromIterable(events)
                .concatMap(event -> db.sql("insert into team_request_event (request_id, id, occurred_at, type, actor, data) "
                                + "select :request_id, coalesce(max(id), 0) + 1, :at, :type, :actor, :data from team_request_event "
                                + "where request_id = :request_id")
                        .bind("request_id", requestId).bind("at", utc(event.time())).bind("type", event.type().wireName())
                        .bind("actor", event.actor()).bind("data", json.writeValueAsString(event.data()))
                        .fetch().rowsUpdated())
                .then();
    }

    @Override
    public Flux<RequestEvent> findEvents(UUID requestId, long afterId, int limit) {
        return db.sql("select id, occurred_at, type, actor, data from team_request_event where request_id = :request_id "
                        + "and id > :after order by id limit :limit")
                .bind("request_id", requestId).bind("after", afterId).bind("limit", limit)
                .map(row -> new RequestEvent(requestId, row.get("id", Long.class), row.get("occurred_at", OffsetDateTime.class).toInstant(),
                        RequestEvent.Type.fromWireName(row.get("type", String.class)), row.get("actor", String.class),
                        readData(row.get("data", String.class))))
                .all()
                .contextWrite(ThreadLocalsOff::without);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> readData(String text) {
        return json.readValue(text, Map.class);
    }

    @Override
    public Mono<TeamRequest> reopen(TeamRequest request, List<RequestEvent> events) {
        return update(request)
                .flatMap(saved -> appendEvents(saved.id(), events).thenReturn(saved))
                .flatMap(saved -> insertJob(saved, saved.updatedAt())
                        // The previous run's worker removes its job just after saving FAILED; this is that moment.
                        .onErrorMap(TeamRequestRows::isConflict, running -> new TeamRequestConflictException("Team request "
                                + request.id() + " is still finishing its previous run; retry it in a few seconds.", running))
                        .thenReturn(saved))
                .as(transaction::transactional)
                .doOnNext(this::appended)
                .contextWrite(ThreadLocalsOff::without);
    }

    @Override
    public Mono<TeamRequest> cancel(TeamRequest request, List<RequestEvent> events) {
        // Only an unpicked job may go: a picked one is running and may be talking to Graph right now.
        ProvisioningJobRows.Statement deleteJob = jobs.deleteUnpicked(request.id());
        return bind(db.sql(deleteJob.sql()), deleteJob.parameters()).fetch().rowsUpdated()
                .flatMap(deleted -> deleted == 1
                        ? update(request).flatMap(saved -> appendEvents(saved.id(), events).thenReturn(saved))
                        : Mono.error(new TeamRequestConflictException("Team request " + request.id()
                                + " is being provisioned already; it can no longer be cancelled.")))
                .as(transaction::transactional)
                .doOnNext(this::appended)
                .contextWrite(ThreadLocalsOff::without);
    }

    @Override
    public Mono<TeamRequest> find(UUID id) {
        return db.sql("select " + COLUMNS + " from team_request where id = :id").bind("id", id).map(rows::read).one()
                .contextWrite(ThreadLocalsOff::without);
    }

    @Override
    public Mono<RequestSummary> findSummary(UUID id) {
        return bind(db.sql(summaryQuery.sql()).bind("id", id), summaryQuery.parameters()).map(rows::readSummary).one()
                .contextWrite(ThreadLocalsOff::without);
    }

    /** The status read's statement, made once: it is the API's most frequent query. */
    private static ProvisioningJobRows.Statement summaryQuery(ProvisioningJobRows jobs) {
        ProvisioningJobRows.Statement nextRun = jobs.nextRunAt("team_request.id");
        // The job's due time only while one can be due, for the Retry-After of a request still at work.
        return new ProvisioningJobRows.Statement("select " + TeamRequestRows.SUMMARY_COLUMNS + ", case when status in ('ACCEPTED', "
                + "'PROVISIONING') then " + nextRun.sql() + " end as " + TeamRequestRows.NEXT_RUN_AT + " from team_request where id = :id",
                nextRun.parameters());
    }

    @Override
    public Mono<TeamRequest> save(TeamRequest request) {
        return update(request).contextWrite(ThreadLocalsOff::without);
    }

    @Override
    public Mono<TeamRequest> save(TeamRequest request, List<RequestEvent> events) {
        return saveWithEvents(request, events).contextWrite(ThreadLocalsOff::without);
    }

    private Mono<TeamRequest> saveWithEvents(TeamRequest request, List<RequestEvent> events) {
        if (events.isEmpty()) {
            return update(request);
        }
        if (postgres) {
            // One statement, as before there was a history: a job's save stays one round trip.
            GenericExecuteSpec statement = db.sql("with updated as (" + UPDATE + " returning id)"
                    + eventsFrom("updated", "(select coalesce(max(e.id), 0) from team_request_event e where e.request_id = :id)", events)
                    + " select count(*) as saved from updated");
            return bindEvents(rows.bindState(statement, request).bind("id", request.id()).bind("version", request.version()), events)
                    .map(row -> ((Number) row.get("saved")).longValue()).one()
                    .flatMap(saved -> saved(request, saved))
                    .doOnNext(this::appended);
        }
        return update(request)
                .flatMap(saved -> appendEvents(saved.id(), events).thenReturn(saved))
                .as(transaction::transactional)
                .doOnNext(this::appended);
    }

    /** Committed: this replica's followers of the request need not wait for the next poll. */
    private void appended(TeamRequest saved) {
        watch.appended(saved.id());
    }

    private Mono<TeamRequest> update(TeamRequest request) {
        GenericExecuteSpec update = db.sql(UPDATE);
        return rows.bindState(update, request).bind("id", request.id()).bind("version", request.version())
                .fetch().rowsUpdated()
                .flatMap(updated -> saved(request, updated));
    }

    private static Mono<TeamRequest> saved(TeamRequest request, long updated) {
        return updated == 1
                ? Mono.just(request.withVersion(request.version() + 1))
                : Mono.error(new ConcurrentModificationException("Team request " + request.id() + " was changed concurrently"));
    }

    @Override
    public Flux<RequestSummary> findByRequester(String requester, RequestStatus status, PageKey after, int limit) {
        StringBuilder sql = new StringBuilder("select " + TeamRequestRows.SUMMARY_COLUMNS + " from team_request where requester = :requester");
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
        return query.map(rows::readSummary).all().contextWrite(ThreadLocalsOff::without);
    }

    @Override
    public Mono<Map<RequestStatus, Long>> countUnfinished() {
        return db.sql("select status, count(*) as requests from team_request where status in ('ACCEPTED', 'PROVISIONING') group by status")
                .map(row -> Map.entry(RequestStatus.valueOf(row.get("status", String.class)),
                        ((Number) row.get("requests")).longValue()))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .contextWrite(ThreadLocalsOff::without);
    }

    @Override
    public Mono<Long> countInFlight(String requester, int atMost) {
        // An index range scan of (requester, status), V7, stopped at the limit.
        return db.sql("select count(*) from (select 1 from team_request where requester = :requester "
                        + "and status in ('ACCEPTED', 'PROVISIONING') limit :limit) in_flight")
                .bind("requester", requester).bind("limit", atMost)
                .map(row -> row.get(0, Long.class)).one()
                .contextWrite(ThreadLocalsOff::without);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
