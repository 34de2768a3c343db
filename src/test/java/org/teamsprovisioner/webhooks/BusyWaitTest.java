package org.teamsprovisioner.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;

/** A delivery that finds its subscription's places taken comes back soon at first, then ever later, up to 30 s. */
class BusyWaitTest {

    @RepeatedTest(20)
    void firstWaitsAreShortAndLaterOnesDoubleUpToTheCap() {
        assertThat(DeliverWebhook.busyWait(0)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(DeliverWebhook.busyWait(1)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
        assertThat(DeliverWebhook.busyWait(4)).isBetween(Duration.ofMillis(1600), Duration.ofMillis(3200));
        assertThat(DeliverWebhook.busyWait(9)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
        assertThat(DeliverWebhook.busyWait(1000)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
    }
}
