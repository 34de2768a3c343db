package org.teamsprovisioner.webhooks;

import java.time.Instant;
import java.util.Map;

/**
 * A delivery's job as SQL on the delivery scheduler's table, for the store to insert in the
 * transaction of the delivery itself (db-scheduler's JDBC client cannot join it). The delivery
 * side (webhooks.delivery) implements it, as it alone knows the table, task name and format.
 */
public interface WebhookJobRows {

    Insert scheduled(String deliveryId, Instant dueAt);

    /** @param parameters bound by name into {@code sql}, none null */
    record Insert(String sql, Map<String, Object> parameters) {

        public Insert {
            parameters = Map.copyOf(parameters);
        }
    }
}
