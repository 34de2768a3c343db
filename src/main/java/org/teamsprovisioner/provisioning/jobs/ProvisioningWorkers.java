package org.teamsprovisioner.provisioning.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.context.SmartLifecycle;
import org.teamsprovisioner.provisioning.ProvisioningQueue;
import reactor.core.scheduler.Scheduler.Worker;
import reactor.core.scheduler.Schedulers;

/**
 * The job workers of this replica. A db-scheduler {@link Scheduler} cannot be started again once
 * stopped, so every start builds a fresh one: the context can then be stopped and restarted (Spring
 * pauses idle contexts that way, and so does checkpoint/restore) without losing its workers. Stops
 * in the first shutdown phase, so running steps finish while the database pools are still open.
 *
 * <p>Wake-ups are coalesced to one per {@link #COALESCE} window: a burst of submits or of jobs
 * rescheduled to nearby instants costs one poll of the database, not one each.
 */
class ProvisioningWorkers implements SmartLifecycle, ProvisioningQueue {

    static final Duration COALESCE = Duration.ofMillis(50);
    // Later runs are found by the regular poll; a timer per far-away job would only hold memory.
    private static final Duration TIMER_HORIZON = Duration.ofMinutes(2);

    private final Supplier<Scheduler> schedulers;
    private final boolean enabled;
    private final Clock clock;
    private final Set<Long> pendingWakeUps = ConcurrentHashMap.newKeySet();
    private final Worker timers = Schedulers.parallel().createWorker();
    private volatile Scheduler running;

    ProvisioningWorkers(Supplier<Scheduler> schedulers, boolean enabled, Clock clock) {
        this.schedulers = schedulers;
        this.enabled = enabled;
        this.clock = clock;
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
        wakeUpAt(clock.instant());
    }

    /** Work rescheduled to {@code at} is picked up then on this replica, not at the next poll after it. */
    @Override
    public void wakeUpAt(Instant at) {
        if (running == null) {
            return;
        }
        long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
        if (delay > TIMER_HORIZON.toMillis()) {
            return;
        }
        long window = Math.floorDiv(clock.millis() + delay, COALESCE.toMillis()) + 1;
        if (pendingWakeUps.add(window)) {
            long fireIn = Math.max(0, window * COALESCE.toMillis() - clock.millis());
            timers.schedule(() -> {
                pendingWakeUps.remove(window);
                Scheduler scheduler = running;
                if (scheduler != null) {
                    scheduler.triggerCheckForDueExecutions();
                }
            }, fireIn, TimeUnit.MILLISECONDS);
        }
    }
}
