package org.teamsprovisioner.webhooks;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Signed webhooks (docs/api.md#webhooks).
 *
 * @param enabled whether this replica fans events out and delivers them (the API works either way).
 * @param role app role that may manage its own subscriptions.
 * @param source the CloudEvents {@code source} of every event: this deployment's identity.
 * @param allowHttp accept {@code http://} URLs (the sandbox); prod takes https only.
 * @param allowedNetworks CIDRs that may be delivered to although loopback, link-local, private,
 *     unique-local, any-local or multicast (e.g. {@code 10.20.0.0/16} for an internal receiver).
 * @param timeout a delivery attempt's limit, connect to last byte; past it the attempt failed.
 * @param maxAge how long a delivery is retried after its event; then it is given up.
 * @param initialBackoff retry wait after the first failure; doubles per failure, with full jitter.
 * @param maxBackoff longest retry wait.
 * @param secretOverlap how long a rotated secret keeps signing beside the new one.
 * @param threads deliveries this replica sends at once, on threads of their own.
 * @param maxConcurrentPerSubscription deliveries of one subscription in flight at once on a replica:
 *     one slow receiver cannot take every thread.
 * @param fanOutInterval how often unpublished events are turned into deliveries.
 * @param fanOutBatch events fanned out per run at most.
 * @param pollingInterval how often the delivery workers look for due deliveries they were not woken for.
 * @param heartbeatInterval how often a running delivery proves its replica alive; a dead replica's
 *     deliveries are taken over after {@code missedHeartbeatsLimit} of them (then sent once more).
 * @param attemptsKept attempts kept per delivery for {@code GET /webhooks/{id}/deliveries}.
 * @param maxSubscriptionsPerOwner subscriptions one application may have.
 * @param subscriptions subscriptions made here for platform teams; read-only through the API.
 */
@Validated
@ConfigurationProperties("provisioner.webhooks")
public record WebhookProperties(
        @DefaultValue("true") boolean enabled,
        @NotBlank @Pattern(regexp = "\\S+") @DefaultValue("TeamRequests.Webhooks") String role,
        @NotNull @DefaultValue("urn:teams-provisioner") URI source,
        @DefaultValue("false") boolean allowHttp,
        @NotNull @DefaultValue List<String> allowedNetworks,
        @NotNull @DefaultValue("10s") Duration timeout,
        @NotNull @DefaultValue("24h") Duration maxAge,
        @NotNull @DefaultValue("5s") Duration initialBackoff,
        @NotNull @DefaultValue("1h") Duration maxBackoff,
        @NotNull @DefaultValue("24h") Duration secretOverlap,
        @Min(1) @DefaultValue("4") int threads,
        @Min(1) @DefaultValue("2") int maxConcurrentPerSubscription,
        @NotNull @DefaultValue("500ms") Duration fanOutInterval,
        @Min(1) @DefaultValue("500") int fanOutBatch,
        @NotNull @DefaultValue("500ms") Duration pollingInterval,
        @NotNull @DefaultValue("4s") Duration heartbeatInterval,
        @Min(4) @DefaultValue("4") int missedHeartbeatsLimit,
        @Min(1) @DefaultValue("20") int attemptsKept,
        @Min(1) @DefaultValue("20") int maxSubscriptionsPerOwner,
        @NotNull @DefaultValue List<@Valid Configured> subscriptions) {

    public WebhookProperties {
        allowedNetworks = List.copyOf(allowedNetworks);
        subscriptions = List.copyOf(subscriptions);
        allowedNetworks.forEach(Networks::parse);
    }

    /** A subscription made in configuration, e.g. for the platform team's own automation; receives every request's events. */
    public record Configured(@NotBlank @Pattern(regexp = "[a-z0-9-]{1,60}") String name, @NotNull URI url,
            @NotEmpty List<String> types, @NotBlank String secret) {

        @Override
        public String toString() {
            return "Configured[name=" + name + ", url=" + url + ", types=" + types + ", secret=(hidden)]";
        }
    }

    /**
     * How long the delivery workers may take to stop: an attempt on the wire is let finish (its
     * timeout), plus a margin to record it. The pod's grace period must cover it (helm values).
     */
    public Duration shutdownMaxWait() {
        return timeout.plusSeconds(5);
    }
}
