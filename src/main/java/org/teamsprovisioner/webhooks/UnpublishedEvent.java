package org.teamsprovisioner.webhooks;

import java.time.Instant;
import java.util.UUID;
import org.teamsprovisioner.provisioning.RequestEvent;

/** An event of the log not fanned out yet, with who filed its request (whose subscriptions may see it). */
public record UnpublishedEvent(UUID requestId, long id, Instant occurredAt, RequestEvent.Type type, String requester) {
}
