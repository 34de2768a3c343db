package org.teamsprovisioner.webhooks;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.teamsprovisioner.provisioning.RequestEvent;

/**
 * Where one application wants the events of the requests it may see, and how they are signed.
 *
 * @param owner the subscriber's id, or {@code config:<name>} for one made in configuration
 * @param readsAll the owner held the read-all role when subscribing: every request's events reach it
 * @param configName the configuration's name for it; null when made through the API
 * @param previousSecret still signs, beside {@code secret}, until {@code previousSecretUntil} (rotation)
 */
public record WebhookSubscription(UUID id, String owner, boolean readsAll, String configName, URI url,
        Set<RequestEvent.Type> types, String secret, String previousSecret, Instant previousSecretUntil, Status status,
        String disabledReason, Instant createdAt, Instant updatedAt) {

    public enum Status { ACTIVE, DISABLED }

    public WebhookSubscription {
        if (id == null || owner == null || url == null || types == null || types.isEmpty() || secret == null
                || status == null || createdAt == null || updatedAt == null) {
            throw new IllegalArgumentException("id, owner, url, types, secret, status and times are required");
        }
        types = Set.copyOf(types);
    }

    /** Without the secrets: a record prints every component, and this one may reach a log line or an error. */
    @Override
    public String toString() {
        return "WebhookSubscription[id=" + id + ", owner=" + owner + ", readsAll=" + readsAll + ", configName=" + configName + ", url=" + url
                + ", types=" + types + ", secret=(hidden), previousSecret=" + (previousSecret == null ? null : "(hidden)")
                + ", previousSecretUntil=" + previousSecretUntil + ", status=" + status + ", disabledReason=" + disabledReason
                + ", createdAt=" + createdAt + ", updatedAt=" + updatedAt + "]";
    }

    public boolean configured() {
        return configName != null;
    }

    /** Whether this subscription receives {@code type} of a request filed by {@code requester}, at {@code occurredAt}. */
    public boolean wants(RequestEvent.Type type, String requester, Instant occurredAt) {
        return status == Status.ACTIVE && types.contains(type) && (readsAll || owner.equals(requester))
                && !occurredAt.isBefore(createdAt);
    }

    /** The secrets that sign a delivery made at {@code now}: the current one, and the previous during the overlap. */
    public List<String> signingSecrets(Instant now) {
        List<String> secrets = new ArrayList<>(List.of(secret));
        if (previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }

    public WebhookSubscription rotated(String newSecret, Instant now, Instant previousUntil) {
        return new WebhookSubscription(id, owner, readsAll, configName, url, types, newSecret, secret, previousUntil, status,
                disabledReason, createdAt, now);
    }
}
