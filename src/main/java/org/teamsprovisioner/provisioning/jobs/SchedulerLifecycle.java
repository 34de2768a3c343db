package org.teamsprovisioner.provisioning.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the job workers once the application context (and so Flyway's schema) is ready, and stops
 * them in the first shutdown phase, so running steps finish while the database pools are still open.
 */
class SchedulerLifecycle implements SmartLifecycle {

    private final Scheduler scheduler;
    private final boolean enabled;
    private volatile boolean running;

    SchedulerLifecycle(Scheduler scheduler, boolean enabled) {
        this.scheduler = scheduler;
        this.enabled = enabled;
    }

    @Override
    public void start() {
        if (enabled) {
            scheduler.start();
        }
        running = true;
    }

    @Override
    public void stop() {
        if (enabled) {
            scheduler.stop();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
