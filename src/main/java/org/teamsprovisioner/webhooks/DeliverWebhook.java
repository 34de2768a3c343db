package org.teamsprovisioner.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * One attempt of one delivery, run by its job. Only a 2xx answer delivers; {@code 410 Gone}
 * disables the subscription; anything else (another status, a timeout, no connection) is retried
 * after an exponential backoff with full jitter until the delivery's give-up time.
 *
 * <p>Per subscription and request, events are sent in order: a delivery waits while an earlier
 * event of the same request is still pending for the same subscription, so a failing receiver holds
 * back that request's later events (not other requests'). At most
 * {@code max-concurrent-per-subscription} deliveries of one subscription are on the wire per
 * replica; the rest wait without taking a worker, so a slow receiver cannot starve the others.
 */
@Service
public class DeliverWebhook {

    private static final Logger log = LoggerFactory.getLogger(DeliverWebhook.class);
    private static final Duration WAIT_FOR_TURN = Duration.ofMillis(200);
    private static final Duration BUSY_WAIT_FIRST = Duration.ofMillis(200);
    private static final Duration BUSY_WAIT_CAP = Duration.ofSeconds(30);

    /**
     * @param at when the job runs again; null when the delivery is over
     * @param busyDeferrals how many times in a row the delivery found its subscription's places taken
     */
    public record Next(Instant at, int busyDeferrals) {

        static final Next DONE = new Next(null, 0);

        Next(Instant at) {
            this(at, 0);
        }

        public boolean done() {
            return at == null;
        }
    }

    private final WebhookDeliveryStore deliveries;
    private final WebhookSubscriptionStore subscriptions;
    private final WebhookSender sender;
    private final WebhookProperties properties;
    private final WebhookMetrics metrics;
    private final Clock clock;
    private final Map<UUID, Semaphore> inFlight = new ConcurrentHashMap<>();

    DeliverWebhook(WebhookDeliveryStore deliveries, WebhookSubscriptionStore subscriptions, WebhookSender sender,
            WebhookProperties properties, WebhookMetrics metrics, Clock clock) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.sender = sender;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** @param busyDeferrals the {@link Next#busyDeferrals()} of the job's previous run (0 for a new one) */
    public Mono<Next> attempt(String deliveryId, int busyDeferrals) {
        return deliveries.find(deliveryId)
                .filter(delivery -> delivery.status() == WebhookDelivery.Status.PENDING)
                .flatMap(delivery -> subscriptions.find(delivery.subscriptionId())
                        .filter(subscription -> subscription.status() == WebhookSubscription.Status.ACTIVE)
                        .flatMap(subscription -> inTurn(delivery, subscription, busyDeferrals))
                        .switchIfEmpty(Mono.defer(() -> deliveries.cancel(deliveryId, "the subscription is disabled").thenReturn(Next.DONE))))
                .defaultIfEmpty(Next.DONE);
    }

    private Mono<Next> inTurn(WebhookDelivery delivery, WebhookSubscription subscription, int busyDeferrals) {
        return deliveries.earlierPending(delivery)
                .map(earlier -> {
                    metrics.deferred("ordering");
                    Instant soonest = now().plus(WAIT_FOR_TURN);
                    return new Next(earlier.isAfter(soonest) ? earlier.plus(WAIT_FOR_TURN) : soonest);
                })
                .switchIfEmpty(Mono.defer(() -> {
                    Semaphore places = inFlight.computeIfAbsent(subscription.id(), id -> new Semaphore(properties.maxConcurrentPerSubscription()));
                    if (!places.tryAcquire()) {
                        metrics.deferred("subscription-busy");
                        return Mono.just(new Next(now().plus(busyWait(busyDeferrals)), busyDeferrals + 1));
                    }
                    return send(delivery, subscription).doFinally(signal -> places.release());
                }));
    }

    private Mono<Next> send(WebhookDelivery delivery, WebhookSubscription subscription) {
        Instant at = now();
        Map<String, String> headers = WebhookSignatures.headers(delivery.id(), at.getEpochSecond(), delivery.payload(),
                subscription.signingSecrets(at));
        return sender.send(subscription.url(), headers, delivery.payload())
                .flatMap(sent -> {
                    DeliveryAttempt attempt = new DeliveryAttempt(delivery.attempts() + 1, at, sent.statusCode(), sent.latencyMs(),
                            error(sent));
                    Integer code = sent.statusCode();
                    if (code != null && code >= 200 && code < 300) {
                        metrics.attempted("delivered", sent.latencyMs());
                        return record(delivery, attempt, WebhookDelivery.Status.DELIVERED, null).thenReturn(Next.DONE);
                    }
                    if (code != null && code == 410) {
                        metrics.attempted("gone", sent.latencyMs());
                        log.info("Webhook subscription {} disabled: its receiver answered 410 Gone", subscription.id());
                        return record(delivery, attempt, WebhookDelivery.Status.FAILED, null)
                                .then(subscriptions.disable(subscription.id(), "the receiver answered 410 Gone", at))
                                .thenReturn(Next.DONE);
                    }
                    if (sent.refused()) {
                        metrics.attempted("refused", 0);
                        return record(delivery, attempt, WebhookDelivery.Status.FAILED, null).thenReturn(Next.DONE);
                    }
                    Instant next = at.plus(backoff(attempt.attempt()));
                    if (next.isAfter(delivery.giveUpAt())) {
                        metrics.attempted("gave-up", sent.latencyMs());
                        return record(delivery, attempt, WebhookDelivery.Status.FAILED, null).thenReturn(Next.DONE);
                    }
                    metrics.attempted("retrying", sent.latencyMs());
                    return record(delivery, attempt, WebhookDelivery.Status.PENDING, next).thenReturn(new Next(next));
                });
    }

    private Mono<Void> record(WebhookDelivery delivery, DeliveryAttempt attempt, WebhookDelivery.Status status, Instant next) {
        return deliveries.recordAttempt(delivery.after(attempt, status, next), attempt, properties.attemptsKept());
    }

    private static String error(WebhookSender.Sent sent) {
        if (sent.error() != null) {
            return sent.error();
        }
        Integer code = sent.statusCode();
        return code != null && code >= 200 && code < 300 ? null : "the receiver answered " + code;
    }

    /** {@code initial × 2^(failures-1)}, capped, then full jitter: a uniform wait up to that, at least the initial. */
    Duration backoff(int failures) {
        long initial = properties.initialBackoff().toMillis();
        long cap = properties.maxBackoff().toMillis();
        long ceiling = failures > 40 ? cap : Math.min(cap, initial << Math.max(0, failures - 1));
        return Duration.ofMillis(initial + ThreadLocalRandom.current().nextLong(Math.max(1, ceiling - initial + 1)));
    }

    /**
     * A burst to a healthy receiver frees its places within an attempt or two, so the first waits are
     * short; behind a slow receiver the waits double to {@link #BUSY_WAIT_CAP}, so a thousand deliveries
     * waiting for it cost a few job runs a second, not thousands. Jittered, so they do not come back together.
     */
    static Duration busyWait(int busyDeferrals) {
        long ceiling = Math.min(BUSY_WAIT_CAP.toMillis(), BUSY_WAIT_FIRST.toMillis() << Math.min(busyDeferrals, 20));
        return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
