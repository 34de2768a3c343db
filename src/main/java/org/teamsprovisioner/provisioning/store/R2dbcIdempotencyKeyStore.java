package org.teamsprovisioner.provisioning.store;

import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.teamsprovisioner.provisioning.IdempotencyKeyStore;
import reactor.core.publisher.Mono;

/** The {@code idempotency_key} table (V3 migration); keys are claimed in {@link R2dbcTeamRequestStore}. */
@Repository
class R2dbcIdempotencyKeyStore implements IdempotencyKeyStore {

    private final DatabaseClient db;

    R2dbcIdempotencyKeyStore(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Recorded> find(String caller, String key, Instant now) {
        return db.sql("select fingerprint, request_id from idempotency_key where caller = :caller and idem_key = :key "
                        + "and expires_at > :now")
                .bind("caller", caller).bind("key", key).bind("now", R2dbcTeamRequestStore.utc(now))
                .map(row -> new Recorded(row.get("fingerprint", String.class), row.get("request_id", UUID.class)))
                .one();
    }

    @Override
    public Mono<Long> purgeExpired(Instant now) {
        return db.sql("delete from idempotency_key where expires_at <= :now")
                .bind("now", R2dbcTeamRequestStore.utc(now))
                .fetch().rowsUpdated();
    }
}
