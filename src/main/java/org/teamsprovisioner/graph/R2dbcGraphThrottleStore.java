package org.teamsprovisioner.graph;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** The {@code graph_throttle} table (migration V4). */
class R2dbcGraphThrottleStore implements GraphThrottleStore {

    private final DatabaseClient db;

    R2dbcGraphThrottleStore(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Instant> throttledUntil(String tenantId) {
        return db.sql("select throttled_until from graph_throttle where tenant_id = :tenant")
                .bind("tenant", tenantId)
                .map(row -> row.get("throttled_until", OffsetDateTime.class).toInstant())
                .one();
    }

    @Override
    public Mono<Void> throttle(String tenantId, Instant until) {
        OffsetDateTime at = until.atOffset(ZoneOffset.UTC);
        // Update-then-insert instead of MERGE/ON CONFLICT, which PostgreSQL and H2 spell differently.
        Mono<Long> raise = db.sql("update graph_throttle set throttled_until = :until where tenant_id = :tenant "
                        + "and throttled_until < :until")
                .bind("tenant", tenantId).bind("until", at)
                .fetch().rowsUpdated();
        Mono<Long> insert = db.sql("insert into graph_throttle (tenant_id, throttled_until) "
                        + "select cast(:tenant as varchar(64)), cast(:until as timestamp with time zone) "
                        + "where not exists (select 1 from graph_throttle where tenant_id = :tenant)")
                .bind("tenant", tenantId).bind("until", at)
                .fetch().rowsUpdated();
        return raise.flatMap(updated -> updated > 0 ? Mono.just(updated) : insert)
                // Two replicas inserting the tenant's first row at once: the loser raises the winner's row.
                .onErrorResume(DataIntegrityViolationException.class, race -> raise)
                .then();
    }
}
