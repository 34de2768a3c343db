package org.teamsprovisioner.api;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Live events ({@code GET .../{id}/events} with {@code Accept: text/event-stream}), per replica.
 *
 * @param heartbeat how often a quiet stream sends a comment line, so proxies and load balancers that
 *     close idle connections (often after 60 s) keep it open and a client notices a dead one
 * @param reconnectDelay the {@code retry:} the stream tells clients to wait before reconnecting
 * @param perCaller most streams one caller may hold open on this replica at once; beyond it, 429
 * @param perReplica most streams this replica holds open at once; beyond it, 503 (another replica may take it)
 */
@Validated
@ConfigurationProperties("provisioner.api.event-streams")
public record EventStreamProperties(
        @NotNull @DefaultValue("15s") Duration heartbeat,
        @NotNull @DefaultValue("3s") Duration reconnectDelay,
        @Min(1) @DefaultValue("10") int perCaller,
        @Min(1) @DefaultValue("1000") int perReplica) {

    public EventStreamProperties {
        if (heartbeat != null && (heartbeat.isNegative() || heartbeat.isZero())) {
            throw new IllegalArgumentException("provisioner.api.event-streams.heartbeat must be positive");
        }
    }
}
