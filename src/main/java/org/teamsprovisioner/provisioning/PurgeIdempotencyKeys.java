package org.teamsprovisioner.provisioning;

import java.time.Clock;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Deletes expired {@code Idempotency-Key}s, so the table holds about one retention period of keys. */
@Service
public class PurgeIdempotencyKeys {

    private final IdempotencyKeyStore keys;
    private final Clock clock;

    PurgeIdempotencyKeys(IdempotencyKeyStore keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** @return how many keys were deleted */
    public Mono<Long> purge() {
        return keys.purgeExpired(clock.instant());
    }
}
