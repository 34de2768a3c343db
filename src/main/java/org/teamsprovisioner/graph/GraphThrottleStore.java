package org.teamsprovisioner.graph;

import java.time.Instant;
import reactor.core.publisher.Mono;

/** Where replicas share until when Graph throttles them in a tenant. */
interface GraphThrottleStore {

    /** Empty when the tenant was never throttled. */
    Mono<Instant> throttledUntil(String tenantId);

    /** Keeps the later of the stored instant and {@code until}. */
    Mono<Void> throttle(String tenantId, Instant until);
}
