package org.teamsprovisioner.graph;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Graph throttles per app per tenant, and calls made before {@code Retry-After} has passed only
 * extend the throttling. So a 429 seen by any replica pauses every replica's Graph calls for that
 * tenant until the announced instant, which the replicas share through the database.
 *
 * <p>Reads are cached for {@link #CACHE_TIME}: a replica may learn of another's 429 up to that much
 * later, which costs at most one more 429 per replica, while a database read per Graph call would
 * cost far more. This replica's own 429s count at once.
 */
class TenantThrottle {

    static final Duration CACHE_TIME = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(TenantThrottle.class);

    private final GraphThrottleStore store;
    private final String tenantId;
    private final Clock clock;
    private volatile Instant known = Instant.MIN;
    private volatile Instant readAt = Instant.MIN;

    TenantThrottle(GraphThrottleStore store, String tenantId, Clock clock) {
        this.store = store;
        this.tenantId = tenantId;
        this.clock = clock;
    }

    /** Completes when the tenant may be called now, else fails with a {@link GraphException#TENANT_THROTTLED}. */
    Mono<Void> check() {
        Instant now = clock.instant();
        Mono<Instant> until = now.isBefore(readAt.plus(CACHE_TIME)) ? Mono.just(known)
                : store.throttledUntil(tenantId)
                        .defaultIfEmpty(Instant.MIN)
                        .doOnNext(stored -> {
                            raise(stored);
                            readAt = now;
                        })
                        .map(ignored -> known);
        return until.flatMap(instant -> {
            Instant current = clock.instant();
            return current.isBefore(instant)
                    ? Mono.error(GraphException.notCalled(429, GraphException.TENANT_THROTTLED,
                            "Graph throttles this app in tenant " + tenantId + " until " + instant,
                            Duration.between(current, instant)))
                    : Mono.empty();
        });
    }

    /** Records a 429 whose Retry-After was {@code wait}, here at once and for every replica. */
    Mono<Void> throttled(Duration wait) {
        Instant until = clock.instant().plus(wait);
        raise(until);
        return store.throttle(tenantId, until)
                // Failing to share the pause must not hide Graph's answer; this replica still honours it.
                .onErrorResume(error -> {
                    log.warn("Could not store Graph throttling of tenant {} until {}: {}", tenantId, until, error.toString());
                    return Mono.empty();
                });
    }

    private synchronized void raise(Instant until) {
        if (until.isAfter(known)) {
            known = until;
        }
    }
}
