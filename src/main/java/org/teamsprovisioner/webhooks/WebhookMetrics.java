package org.teamsprovisioner.webhooks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** How deliveries go, as meters; subscription ids are never tags (a series per value). */
@Component
class WebhookMetrics {

    private final MeterRegistry meters;

    WebhookMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /** @param outcome {@code delivered}, {@code retrying}, {@code gave-up}, {@code gone} (410), {@code refused} (address) */
    void attempted(String outcome, long latencyMs) {
        Counter.builder("provisioner.webhooks.attempts")
                .description("Webhook delivery attempts, by outcome")
                .tag("outcome", outcome)
                .register(meters)
                .increment();
        Timer.builder("provisioner.webhooks.latency")
                .description("Time from sending a webhook to the receiver's answer (or the timeout)")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(meters)
                .record(Duration.ofMillis(latencyMs));
    }

    /** A delivery waited for its turn: an earlier event of its request, or a free place of its subscription. */
    void deferred(String reason) {
        Counter.builder("provisioner.webhooks.deferred")
                .description("Webhook deliveries put back without sending, by reason")
                .tag("reason", reason)
                .register(meters)
                .increment();
    }
}
