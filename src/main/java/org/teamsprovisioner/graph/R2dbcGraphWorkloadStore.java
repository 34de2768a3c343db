package org.teamsprovisioner.graph;

import java.time.Duration;
import java.time.Instant;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.teamsprovisioner.provisioning.GraphWorkload;
import reactor.core.publisher.Mono;

/**
 * The {@code graph_workload} table (migration V6). Instants are epoch milliseconds so that taking a
 * slot is one statement with plain arithmetic on PostgreSQL and H2 alike: the row lock of that one
 * UPDATE is what makes two replicas take different slots.
 */
class R2dbcGraphWorkloadStore implements GraphWorkloadStore {

    private static final String RESERVE = "update graph_workload set next_slot_ms = greatest(next_slot_ms, :now, paused_until_ms)"
            + " + :interval where tenant_id = :tenant and workload = :workload";
    private static final String PAUSE = "update graph_workload set paused_until_ms = greatest(paused_until_ms, :until),"
            + " next_slot_ms = greatest(next_slot_ms, :resume) where tenant_id = :tenant and workload = :workload";

    private final DatabaseClient db;
    private final boolean postgres;

    R2dbcGraphWorkloadStore(DatabaseClient db) {
        this.db = db;
        this.postgres = db.getConnectionFactory().getMetadata().getName().toLowerCase().contains("postgres");
    }

    @Override
    public Mono<Row> reserve(String tenantId, GraphWorkload workload, Instant now, Duration interval) {
        // PostgreSQL returns the updated row with RETURNING; H2 has no RETURNING but reads it as a data change delta table.
        String sql = postgres ? RESERVE + " returning next_slot_ms, paused_until_ms"
                : "select next_slot_ms, paused_until_ms from final table (" + RESERVE + ")";
        Mono<Row> reserve = db.sql(sql)
                .bind("now", now.toEpochMilli())
                .bind("interval", interval.toMillis())
                .bind("tenant", tenantId)
                .bind("workload", workload.key())
                .map(row -> new Row(Instant.ofEpochMilli(row.get("next_slot_ms", Long.class)),
                        Instant.ofEpochMilli(row.get("paused_until_ms", Long.class))))
                .one();
        return reserve.switchIfEmpty(Mono.defer(() -> create(tenantId, workload).then(reserve)));
    }

    @Override
    public Mono<Instant> pausedUntil(String tenantId, GraphWorkload workload) {
        return db.sql("select paused_until_ms from graph_workload where tenant_id = :tenant and workload = :workload")
                .bind("tenant", tenantId)
                .bind("workload", workload.key())
                .map(row -> Instant.ofEpochMilli(row.get("paused_until_ms", Long.class)))
                .one()
                .defaultIfEmpty(Instant.EPOCH);
    }

    @Override
    public Mono<Void> pause(String tenantId, GraphWorkload workload, Instant until, Duration burstTolerance) {
        Mono<Long> pause = db.sql(PAUSE)
                .bind("until", until.toEpochMilli())
                .bind("resume", until.plus(burstTolerance).toEpochMilli())
                .bind("tenant", tenantId)
                .bind("workload", workload.key())
                .fetch().rowsUpdated();
        return pause.flatMap(updated -> updated > 0 ? Mono.just(updated) : create(tenantId, workload).then(pause)).then();
    }

    /** The tenant's first call of this workload: a row with no slot taken and no pause. */
    private Mono<Void> create(String tenantId, GraphWorkload workload) {
        return db.sql("insert into graph_workload (tenant_id, workload, next_slot_ms, paused_until_ms) "
                        + "select cast(:tenant as varchar(64)), cast(:workload as varchar(40)), 0, 0 "
                        + "where not exists (select 1 from graph_workload where tenant_id = :tenant and workload = :workload)")
                .bind("tenant", tenantId)
                .bind("workload", workload.key())
                .fetch().rowsUpdated()
                // Two replicas creating the row at once: the loser uses the winner's.
                .onErrorResume(DataIntegrityViolationException.class, race -> Mono.just(0L))
                .then();
    }
}
