package org.teamsprovisioner.webhooks.store;

import static org.teamsprovisioner.webhooks.store.R2dbcWebhookSubscriptionStore.instant;
import static org.teamsprovisioner.webhooks.store.R2dbcWebhookSubscriptionStore.utc;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.teamsprovisioner.provisioning.RequestEvent;
import org.teamsprovisioner.webhooks.DeliveryAttempt;
import org.teamsprovisioner.webhooks.NewDelivery;
import org.teamsprovisioner.webhooks.UnpublishedEvent;
import org.teamsprovisioner.webhooks.WebhookConflictException;
import org.teamsprovisioner.webhooks.WebhookDelivery;
import org.teamsprovisioner.webhooks.WebhookDeliveryStore;
import org.teamsprovisioner.webhooks.WebhookJobRows;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

@Repository
class R2dbcWebhookDeliveryStore implements WebhookDeliveryStore {

    private static final String COLUMNS = "id, subscription_id, request_id, event_id, event_type, payload, status, attempts, "
            + "next_attempt_at, last_status_code, last_latency_ms, last_error, created_at, give_up_at, delivered_at";

    private final DatabaseClient db;
    private final TransactionalOperator transaction;
    private final WebhookJobRows jobs;
    private final JsonMapper json;

    R2dbcWebhookDeliveryStore(DatabaseClient db, ReactiveTransactionManager transactions, WebhookJobRows jobs, JsonMapper json) {
        this.db = db;
        this.transaction = TransactionalOperator.create(transactions);
        this.jobs = jobs;
        this.json = json;
    }

    /**
     * {@code FOR UPDATE SKIP LOCKED}: replicas fanning out at once take disjoint events and neither
     * waits for the other (H2 takes the same clause). Oldest first, so a backlog drains in order.
     */
    @Override
    public Mono<Integer> fanOut(int limit, Instant now, Function<List<UnpublishedEvent>, Mono<List<NewDelivery>>> plan) {
        return db.sql("select request_id, id, occurred_at, type from team_request_event where published_at is null "
                        + "order by occurred_at, request_id, id limit :limit for update skip locked")
                .bind("limit", limit)
                .map(row -> new Object[] {row.get("request_id", UUID.class), row.get("id", Long.class),
                        row.get("occurred_at", OffsetDateTime.class).toInstant(), row.get("type", String.class)})
                .all().collectList()
                .flatMap(rows -> rows.isEmpty() ? Mono.just(0) : withRequesters(rows)
                        .flatMap(events -> plan.apply(events)
                                .flatMap(deliveries -> Flux.fromIterable(deliveries).concatMap(this::insert).then(markPublished(events, now))
                                        .thenReturn(deliveries.size()))))
                .as(transaction::transactional);
    }

    private Mono<List<UnpublishedEvent>> withRequesters(List<Object[]> rows) {
        List<UUID> ids = rows.stream().map(row -> (UUID) row[0]).distinct().toList();
        return db.sql("select id, requester from team_request where id in (:ids)").bind("ids", ids)
                .map(row -> Map.entry(row.get("id", UUID.class), row.get("requester", String.class)))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .map(requesters -> {
                    List<UnpublishedEvent> events = new ArrayList<>();
                    for (Object[] row : rows) {
                        String requester = requesters.get((UUID) row[0]);
                        events.add(new UnpublishedEvent((UUID) row[0], (Long) row[1], (Instant) row[2],
                                RequestEvent.Type.fromWireName((String) row[3]), requester == null ? "" : requester));
                    }
                    return events;
                });
    }

    private Mono<Void> markPublished(List<UnpublishedEvent> events, Instant now) {
        // Grouped here, not with Flux.groupBy: concatMap takes one group at a time, and past its
        // prefetch of groups groupBy stops emitting and the batch never completes.
        Map<UUID, List<Long>> byRequest = new LinkedHashMap<>();
        events.forEach(event -> byRequest.computeIfAbsent(event.requestId(), id -> new ArrayList<>()).add(event.id()));
        return Flux.fromIterable(byRequest.entrySet())
                .concatMap(request -> db.sql("update team_request_event set published_at = :now where request_id = :request_id and id in (:ids)")
                        .bind("now", utc(now)).bind("request_id", request.getKey()).bind("ids", request.getValue()).fetch().rowsUpdated())
                .then();
    }

    private Mono<Long> insert(NewDelivery delivery) {
        WebhookJobRows.Insert job = jobs.scheduled(delivery.id(), delivery.createdAt());
        GenericExecuteSpec jobInsert = db.sql(job.sql());
        for (Map.Entry<String, Object> parameter : job.parameters().entrySet()) {
            jobInsert = jobInsert.bind(parameter.getKey(), parameter.getValue());
        }
        GenericExecuteSpec finalJobInsert = jobInsert;
        return db.sql("insert into webhook_delivery (id, subscription_id, request_id, event_id, event_type, payload, status, attempts, "
                        + "next_attempt_at, created_at, give_up_at) values (:id, :subscription_id, :request_id, :event_id, :event_type, "
                        + ":payload, 'PENDING', 0, :next_attempt_at, :created_at, :give_up_at)")
                .bind("id", delivery.id()).bind("subscription_id", delivery.subscriptionId()).bind("request_id", delivery.requestId())
                .bind("event_id", delivery.eventId()).bind("event_type", delivery.type().wireName())
                .bind("payload", json.writeValueAsString(delivery.cloudEvent()))
                .bind("next_attempt_at", utc(delivery.createdAt())).bind("created_at", utc(delivery.createdAt()))
                .bind("give_up_at", utc(delivery.giveUpAt()))
                .fetch().rowsUpdated()
                .then(finalJobInsert.fetch().rowsUpdated());
    }

    @Override
    public Mono<Long> markAllPublished(Instant now) {
        return db.sql("update team_request_event set published_at = :now where published_at is null").bind("now", utc(now))
                .fetch().rowsUpdated();
    }

    @Override
    public Mono<WebhookDelivery> find(String id) {
        return db.sql("select " + COLUMNS + " from webhook_delivery where id = :id").bind("id", id).map(R2dbcWebhookDeliveryStore::read).one();
    }

    @Override
    public Mono<Instant> earlierPending(WebhookDelivery delivery) {
        return db.sql("select min(next_attempt_at) as next from webhook_delivery where subscription_id = :subscription_id "
                        + "and request_id = :request_id and status = 'PENDING' and event_id < :event_id")
                .bind("subscription_id", delivery.subscriptionId()).bind("request_id", delivery.requestId())
                .bind("event_id", delivery.eventId())
                .map(row -> java.util.Optional.ofNullable(row.get("next", OffsetDateTime.class)))
                .one()
                .flatMap(next -> Mono.justOrEmpty(next.map(OffsetDateTime::toInstant)));
    }

    @Override
    public Mono<Void> recordAttempt(WebhookDelivery d, DeliveryAttempt attempt, int keep) {
        GenericExecuteSpec update = db.sql("update webhook_delivery set status = :status, attempts = :attempts, "
                        + "next_attempt_at = :next_attempt_at, last_status_code = :last_status_code, last_latency_ms = :last_latency_ms, "
                        + "last_error = :last_error, delivered_at = :delivered_at where id = :id")
                .bind("id", d.id()).bind("status", d.status().name()).bind("attempts", d.attempts())
                .bind("last_latency_ms", d.lastLatencyMs());
        update = nullable(update, "next_attempt_at", utc(d.nextAttemptAt()), OffsetDateTime.class);
        update = nullable(update, "last_status_code", d.lastStatusCode(), Integer.class);
        update = nullable(update, "last_error", truncate(d.lastError()), String.class);
        update = nullable(update, "delivered_at", utc(d.deliveredAt()), OffsetDateTime.class);
        GenericExecuteSpec insert = db.sql("insert into webhook_delivery_attempt (delivery_id, attempt, attempted_at, status_code, latency_ms, error) "
                        + "values (:delivery_id, :attempt, :attempted_at, :status_code, :latency_ms, :error)")
                .bind("delivery_id", d.id()).bind("attempt", attempt.attempt()).bind("attempted_at", utc(attempt.at()))
                .bind("latency_ms", attempt.latencyMs());
        insert = nullable(insert, "status_code", attempt.statusCode(), Integer.class);
        insert = nullable(insert, "error", truncate(attempt.error()), String.class);
        return update.fetch().rowsUpdated()
                .then(insert.fetch().rowsUpdated())
                .then(db.sql("delete from webhook_delivery_attempt where delivery_id = :id and attempt <= :oldest")
                        .bind("id", d.id()).bind("oldest", attempt.attempt() - keep).fetch().rowsUpdated())
                .as(transaction::transactional)
                .then();
    }

    @Override
    public Mono<Void> cancel(String id, String reason) {
        return db.sql("update webhook_delivery set status = 'CANCELLED', next_attempt_at = null, last_error = :reason "
                        + "where id = :id and status = 'PENDING'")
                .bind("id", id).bind("reason", reason).fetch().rowsUpdated().then();
    }

    @Override
    public Flux<WebhookDelivery> recent(UUID subscriptionId, int limit) {
        return db.sql("select " + COLUMNS + " from webhook_delivery where subscription_id = :subscription_id "
                        + "order by created_at desc, request_id, event_id desc limit :limit")
                .bind("subscription_id", subscriptionId).bind("limit", limit).map(R2dbcWebhookDeliveryStore::read).all();
    }

    @Override
    public Flux<DeliveryAttempt> attempts(String deliveryId) {
        return db.sql("select attempt, attempted_at, status_code, latency_ms, error from webhook_delivery_attempt "
                        + "where delivery_id = :id order by attempt desc")
                .bind("id", deliveryId)
                .map(row -> new DeliveryAttempt(row.get("attempt", Integer.class), row.get("attempted_at", OffsetDateTime.class).toInstant(),
                        row.get("status_code", Integer.class), row.get("latency_ms", Long.class), row.get("error", String.class)))
                .all();
    }

    @Override
    public Mono<WebhookDelivery> redeliver(String id, Instant now, Instant giveUpAt) {
        WebhookJobRows.Insert job = jobs.scheduled(id, now);
        GenericExecuteSpec jobInsert = db.sql(job.sql());
        for (Map.Entry<String, Object> parameter : job.parameters().entrySet()) {
            jobInsert = jobInsert.bind(parameter.getKey(), parameter.getValue());
        }
        GenericExecuteSpec finalJobInsert = jobInsert;
        return db.sql("update webhook_delivery set status = 'PENDING', next_attempt_at = :now, give_up_at = :give_up_at "
                        + "where id = :id and status <> 'PENDING'")
                .bind("id", id).bind("now", utc(now)).bind("give_up_at", utc(giveUpAt))
                .fetch().rowsUpdated()
                .flatMap(updated -> updated == 1 ? finalJobInsert.fetch().rowsUpdated().then(find(id)) : Mono.empty())
                .as(transaction::transactional)
                // The delivery is saved finished a moment before db-scheduler removes its job's row: in
                // that moment the new job's row collides with the old one, and the rollback keeps both as they were.
                .onErrorMap(DuplicateKeyException.class, finishing -> new WebhookConflictException("Delivery " + id
                        + " has just finished and its job is being cleared; try again in a moment."));
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 497) + "...";
    }

    private static <T> GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    private static WebhookDelivery read(Readable row) {
        return new WebhookDelivery(row.get("id", String.class), row.get("subscription_id", UUID.class), row.get("request_id", UUID.class),
                row.get("event_id", Long.class), RequestEvent.Type.fromWireName(row.get("event_type", String.class)),
                row.get("payload", String.class), WebhookDelivery.Status.valueOf(row.get("status", String.class)),
                row.get("attempts", Integer.class), instant(row.get("next_attempt_at", OffsetDateTime.class)),
                row.get("last_status_code", Integer.class), row.get("last_latency_ms", Long.class), row.get("last_error", String.class),
                instant(row.get("created_at", OffsetDateTime.class)), instant(row.get("give_up_at", OffsetDateTime.class)),
                instant(row.get("delivered_at", OffsetDateTime.class)));
    }
}
