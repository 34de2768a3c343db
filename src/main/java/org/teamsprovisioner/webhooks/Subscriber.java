package org.teamsprovisioner.webhooks;

/**
 * Who manages subscriptions: the calling application, with the roles that matter here.
 *
 * @param id the caller's stable id (token {@code oid}, else {@code sub}), as requests are filed under
 * @param readsAll holds the read-all role: its subscriptions receive every request's events, and it
 *     sees the subscriptions made in configuration
 * @param managesWebhooks holds the webhooks role, without which it may not subscribe at all
 */
public record Subscriber(String id, boolean readsAll, boolean managesWebhooks) {

    public Subscriber {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id is required");
        }
    }
}
