package org.teamsprovisioner.provisioning.store;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param pollInterval how often this replica reads the newest event id of every request its live
 *     event streams follow (one statement for all of them): the longest an event another replica
 *     appended waits before its followers here read it. What this replica appends is sent at once.
 */
@Validated
@ConfigurationProperties("provisioner.history")
public record HistoryWatchProperties(@DefaultValue("1s") Duration pollInterval) {

    public HistoryWatchProperties {
        if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("provisioner.history.poll-interval must be positive");
        }
    }
}
