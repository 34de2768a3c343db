package org.teamsprovisioner.provisioning.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.util.function.Supplier;
import org.springframework.context.SmartLifecycle;
import org.teamsprovisioner.provisioning.ProvisioningQueue;

/**
 * The job workers of this replica. A db-scheduler {@link Scheduler} cannot be started again once
 * stopped, so every start builds a fresh one: the context can then be stopped and restarted (Spring
 * pauses idle contexts that way, and so does checkpoint/restore) without losing its workers. Stops
 * in the first shutdown phase, so running steps finish while the database pools are still open.
 */
class ProvisioningWorkers implements SmartLifecycle, ProvisioningQueue {

    private final Supplier<Scheduler> schedulers;
    private final boolean enabled;
    private volatile Scheduler running;

    ProvisioningWorkers(Supplier<Scheduler> schedulers, boolean enabled) {
        this.schedulers = schedulers;
        this.enabled = enabled;
    }

    @Override
    public synchronized void start() {
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

    /** Due work is picked up at once instead of at the next poll; a no-op where workers are disabled. */
    @Override
    public void wakeUp() {
        Scheduler scheduler = running;
        if (scheduler != null) {
            scheduler.triggerCheckForDueExecutions();
        }
    }
}
