package org.teamsprovisioner.webhooks.delivery;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.context.SmartLifecycle;
import org.teamsprovisioner.webhooks.SyncConfiguredSubscriptions;
import org.teamsprovisioner.webhooks.WebhookQueue;

/**
 * This replica's delivery workers, built afresh on every start as provisioning's are (a db-scheduler
 * cannot start twice). The configured subscriptions are written first, so their first events find them.
 */
class WebhookWorkers implements SmartLifecycle, WebhookQueue {

    private final Supplier<Scheduler> schedulers;
    private final boolean enabled;
    private final SyncConfiguredSubscriptions configured;
    private volatile Scheduler running;

    WebhookWorkers(Supplier<Scheduler> schedulers, boolean enabled, SyncConfiguredSubscriptions configured) {
        this.schedulers = schedulers;
        this.enabled = enabled;
        this.configured = configured;
    }

    @Override
    public synchronized void start() {
        configured.sync().block(Duration.ofSeconds(30));
        if (enabled && running == null) {
            Scheduler scheduler = schedulers.get();
            scheduler.start();
            running = scheduler;
        }
    }

    @Override
    public synchronized void stop() {
        if (running != null) {
            running.stop();
            running = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }

    @Override
    public void wakeUp() {
        Scheduler scheduler = running;
        if (scheduler != null) {
            scheduler.triggerCheckForDueExecutions();
        }
    }
}
