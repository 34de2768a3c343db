package org.teamsprovisioner.webhooks.store;

import io.r2dbc.spi.Readable;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.teamsprovisioner.provisioning.RequestEvent;
import org.teamsprovisioner.webhooks.WebhookSubscription;
import org.teamsprovisioner.webhooks.WebhookSubscriptionStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class R2dbcWebhookSubscriptionStore implements WebhookSubscriptionStore {

    private static final String COLUMNS = "id, owner, reads_all, config_name, url, event_types, secret, previous_secret, "
            + "previous_secret_until, status, disabled_reason, created_at, updated_at";

    private final DatabaseClient db;
    private final TransactionalOperator transaction;

    R2dbcWebhookSubscriptionStore(DatabaseClient db, ReactiveTransactionManager transactions) {
        this.db = db;
        this.transaction = TransactionalOperator.create(transactions);
    }

    @Override
    public Mono<WebhookSubscription> insert(WebhookSubscription s) {
        return bindAll(db.sql("insert into webhook_subscription (" + COLUMNS + ") values (:id, :owner, :reads_all, :config_name, :url, "
                + ":event_types, :secret, :previous_secret, :previous_secret_until, :status, :disabled_reason, :created_at, :updated_at)"), s)
                .fetch().rowsUpdated().thenReturn(s);
    }

    @Override
    public Mono<WebhookSubscription> find(UUID id) {
        return db.sql("select " + COLUMNS + " from webhook_subscription where id = :id").bind("id", id).map(R2dbcWebhookSubscriptionStore::read).one();
    }

    @Override
    public Mono<Long> countOwnedBy(String owner) {
        return db.sql("select count(*) as n from webhook_subscription where owner = :owner").bind("owner", owner)
                .map(row -> row.get("n", Long.class)).one();
    }

    @Override
    public Flux<WebhookSubscription> list(String owner, boolean configured) {
        return db.sql("select " + COLUMNS + " from webhook_subscription where owner = :owner"
                        + (configured ? " or config_name is not null" : "") + " order by created_at, id")
                .bind("owner", owner).map(R2dbcWebhookSubscriptionStore::read).all();
    }

    @Override
    public Flux<WebhookSubscription> active() {
        return db.sql("select " + COLUMNS + " from webhook_subscription where status = 'ACTIVE'")
                .map(R2dbcWebhookSubscriptionStore::read).all();
    }

    @Override
    public Mono<Boolean> delete(UUID id) {
        return db.sql("delete from webhook_subscription where id = :id and config_name is null").bind("id", id)
                .fetch().rowsUpdated().map(deleted -> deleted == 1);
    }

    @Override
    public Mono<WebhookSubscription> updateSecrets(WebhookSubscription s) {
        GenericExecuteSpec update = db.sql("update webhook_subscription set secret = :secret, previous_secret = :previous_secret, "
                        + "previous_secret_until = :previous_secret_until, updated_at = :updated_at where id = :id")
                .bind("id", s.id()).bind("secret", s.secret())
                .bind("updated_at", utc(s.updatedAt()));
        update = s.previousSecret() == null ? update.bindNull("previous_secret", String.class) : update.bind("previous_secret", s.previousSecret());
        update = s.previousSecretUntil() == null ? update.bindNull("previous_secret_until", OffsetDateTime.class)
                : update.bind("previous_secret_until", utc(s.previousSecretUntil()));
        return update.fetch().rowsUpdated().thenReturn(s);
    }

    @Override
    public Mono<Void> disable(UUID id, String reason, Instant at) {
        return db.sql("update webhook_subscription set status = 'DISABLED', disabled_reason = :reason, updated_at = :at where id = :id")
                .bind("id", id).bind("reason", reason).bind("at", utc(at)).fetch().rowsUpdated().then();
    }

    /**
     * Each replica runs this at start; replicas starting together race on the same rows, so a row is
     * updated where it exists and inserted where not, and a duplicate insert means another replica did.
     */
    @Override
    public Mono<Void> syncConfigured(List<WebhookSubscription> configured) {
        List<String> names = configured.stream().map(WebhookSubscription::configName).toList();
        Mono<Long> removeGone = names.isEmpty()
                ? db.sql("delete from webhook_subscription where config_name is not null").fetch().rowsUpdated()
                : db.sql("delete from webhook_subscription where config_name is not null and config_name not in (:names)")
                        .bind("names", names).fetch().rowsUpdated();
        return removeGone.thenMany(Flux.fromIterable(configured).concatMap(s -> db.sql("update webhook_subscription set url = :url, "
                                + "event_types = :event_types, secret = :secret, status = 'ACTIVE', disabled_reason = null, "
                                + "updated_at = :updated_at where config_name = :config_name")
                        .bind("url", s.url().toString()).bind("event_types", types(s.types())).bind("secret", s.secret())
                        .bind("updated_at", utc(s.updatedAt())).bind("config_name", s.configName())
                        .fetch().rowsUpdated()
                        .flatMap(updated -> updated > 0 ? Mono.just(updated) : insert(s).thenReturn(1L))))
                .as(transaction::transactional)
                .then();
    }

    private static GenericExecuteSpec bindAll(GenericExecuteSpec spec, WebhookSubscription s) {
        spec = spec.bind("id", s.id()).bind("owner", s.owner()).bind("reads_all", s.readsAll())
                .bind("url", s.url().toString()).bind("event_types", types(s.types())).bind("secret", s.secret())
                .bind("status", s.status().name()).bind("created_at", utc(s.createdAt())).bind("updated_at", utc(s.updatedAt()));
        spec = s.configName() == null ? spec.bindNull("config_name", String.class) : spec.bind("config_name", s.configName());
        spec = s.previousSecret() == null ? spec.bindNull("previous_secret", String.class) : spec.bind("previous_secret", s.previousSecret());
        spec = s.previousSecretUntil() == null ? spec.bindNull("previous_secret_until", OffsetDateTime.class)
                : spec.bind("previous_secret_until", utc(s.previousSecretUntil()));
        return s.disabledReason() == null ? spec.bindNull("disabled_reason", String.class) : spec.bind("disabled_reason", s.disabledReason());
    }

    static String types(Set<RequestEvent.Type> types) {
        return types.stream().sorted().map(RequestEvent.Type::wireName).collect(Collectors.joining(","));
    }

    private static WebhookSubscription read(Readable row) {
        Set<RequestEvent.Type> types = EnumSet.noneOf(RequestEvent.Type.class);
        Arrays.stream(row.get("event_types", String.class).split(",")).filter(t -> !t.isBlank())
                .forEach(t -> types.add(RequestEvent.Type.fromWireName(t)));
        return new WebhookSubscription(row.get("id", UUID.class), row.get("owner", String.class), Boolean.TRUE.equals(row.get("reads_all", Boolean.class)),
                row.get("config_name", String.class), URI.create(row.get("url", String.class)), types, row.get("secret", String.class),
                row.get("previous_secret", String.class), instant(row.get("previous_secret_until", OffsetDateTime.class)),
                WebhookSubscription.Status.valueOf(row.get("status", String.class)), row.get("disabled_reason", String.class),
                instant(row.get("created_at", OffsetDateTime.class)), instant(row.get("updated_at", OffsetDateTime.class)));
    }

    static OffsetDateTime utc(Instant value) {
        return value == null ? null : value.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
