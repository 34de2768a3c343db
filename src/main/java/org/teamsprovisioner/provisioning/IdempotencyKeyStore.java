package org.teamsprovisioner.provisioning;

import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Recorded {@code Idempotency-Key}s. Claiming one happens with the team request it answers, in
 * {@link TeamRequestStore#create(TeamRequest, IdempotencyKey, Instant, Instant)}; implemented over R2DBC in
 * {@code provisioning.store}.
 */
public interface IdempotencyKeyStore {

    /** The request a caller's key answered, unless the key is unknown or expired at {@code now}. */
    Mono<Recorded> find(String caller, String key, Instant now);

    /** Deletes every key expired at {@code now}; returns how many. */
    Mono<Long> purgeExpired(Instant now);

    /** @param requestId the team request the key's first use created */
    record Recorded(String fingerprint, UUID requestId) {
    }
}
