package org.teamsprovisioner.webhooks.delivery;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.teamsprovisioner.webhooks.DeliverWebhook;
import org.teamsprovisioner.webhooks.FanOutEvents;
import org.teamsprovisioner.webhooks.SyncConfiguredSubscriptions;
import org.teamsprovisioner.webhooks.WebhookProperties;
import org.teamsprovisioner.webhooks.WebhookQueue;

/**
 * The delivery workers: a db-scheduler {@link Scheduler} of their own, on table {@value #TABLE} with
 * {@code provisioner.webhooks.threads} threads, so a receiver that is slow or down never holds a
 * provisioning worker. The fan-out is its recurring task; each delivery is one execution (instance
 * id = webhook-id) that reschedules itself between attempts and is revived on another replica when
 * this one dies mid-attempt, which then sends the same webhook-id once more.
 */
@Configuration(proxyBeanMethods = false)
class WebhookDeliveryJobs {

    static final String TABLE = "webhook_tasks";
    static final String DELIVER_TASK = "deliver-webhook";
    static final String FAN_OUT_TASK = "fan-out-webhook-events";

    private static final Duration MARGIN = Duration.ofSeconds(30);

    /** The job's data is how many times in a row it found its subscription busy (null: none), for the next wait. */
    @Bean
    CustomTask<Integer> deliverWebhookTask(DeliverWebhook deliver, WebhookProperties properties) {
        return Tasks.custom(DELIVER_TASK, Integer.class)
                // Only unexpected errors (database down, a bug) get here; receivers' failures are retries in DeliverWebhook.
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(5), 2.0))
                .execute((instance, context) -> {
                    DeliverWebhook.Next next;
                    try (var ignored = MDC.putCloseable("webhookId", instance.getId())) {
                        next = deliver.attempt(instance.getId(), instance.getData() == null ? 0 : instance.getData())
                                .block(properties.timeout().plus(MARGIN));
                    }
                    if (next == null || next.done()) {
                        return new CompletionHandler.OnCompleteRemove<>();
                    }
                    return (complete, operations) -> operations.reschedule(complete, next.at(), next.busyDeferrals());
                });
    }

    /**
     * Not a bean: provisioning's scheduler starts every recurring task bean there is, and fan-out must
     * run on this scheduler's threads only.
     */
    private static RecurringTask<Void> fanOutWebhookEventsTask(FanOutEvents fanOut, WebhookProperties properties,
            ObjectProvider<WebhookQueue> queue) {
        return Tasks.recurring(FAN_OUT_TASK, FixedDelay.of(properties.fanOutInterval()))
                .execute((instance, context) -> {
                    Integer created = fanOut.run().block(Duration.ofMinutes(1));
                    if (created != null && created > 0) {
                        // The new deliveries are due now; polling would find them up to an interval later.
                        queue.ifAvailable(WebhookQueue::wakeUp);
                    }
                });
    }

    @Bean
    WebhookWorkers webhookWorkers(DataSource dataSource, CustomTask<Integer> deliverWebhookTask, FanOutEvents fanOut,
            ObjectProvider<WebhookQueue> queue, WebhookProperties properties, SyncConfiguredSubscriptions configured, SchedulerName replicaName) {
        boolean postgres = isPostgres(dataSource);
        RecurringTask<Void> fanOutTask = fanOutWebhookEventsTask(fanOut, properties, queue);
        return new WebhookWorkers(() -> scheduler(dataSource, deliverWebhookTask, fanOutTask, properties, postgres, replicaName),
                properties.enabled(), configured);
    }

    private static Scheduler scheduler(DataSource dataSource, CustomTask<Integer> deliver, RecurringTask<Void> fanOut,
            WebhookProperties properties, boolean postgres, SchedulerName replicaName) {
        var builder = Scheduler.create(dataSource, deliver)
                .tableName(TABLE)
                .startTasks(fanOut)
                .schedulerName(replicaName)
                .threads(properties.threads())
                .pollingInterval(properties.pollingInterval())
                .heartbeatInterval(properties.heartbeatInterval())
                .missedHeartbeatsLimit(properties.missedHeartbeatsLimit())
                .shutdownMaxWait(properties.shutdownMaxWait())
                .alwaysPersistTimestampInUTC()
                .enableImmediateExecution();
        if (postgres) {
            builder = builder.pollUsingLockAndFetch(0.5, 1.0);
        }
        return builder.build();
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to set up webhook delivery", e);
        }
    }
}
