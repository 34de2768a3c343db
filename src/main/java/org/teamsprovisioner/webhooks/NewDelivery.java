package org.teamsprovisioner.webhooks;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.teamsprovisioner.provisioning.RequestEvent;

/** A delivery the fan-out creates, with its job, in the transaction that marks its event published. */
public record NewDelivery(String id, UUID subscriptionId, UUID requestId, long eventId, RequestEvent.Type type,
        Map<String, Object> cloudEvent, Instant createdAt, Instant giveUpAt) {
}
