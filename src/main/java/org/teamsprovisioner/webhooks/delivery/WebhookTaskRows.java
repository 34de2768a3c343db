package org.teamsprovisioner.webhooks.delivery;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.teamsprovisioner.webhooks.WebhookJobRows;

/** A delivery's job in db-scheduler's table format (V10 {@code webhook_tasks}): unpicked, no data, instance id = delivery id. */
@Component
class WebhookTaskRows implements WebhookJobRows {

    @Override
    public Insert scheduled(String deliveryId, Instant dueAt) {
        return new Insert("insert into " + WebhookDeliveryJobs.TABLE + " (task_name, task_instance, task_data, execution_time, picked, version) "
                + "values (:task_name, :task_instance, null, :execution_time, false, 1)",
                Map.of("task_name", WebhookDeliveryJobs.DELIVER_TASK, "task_instance", deliveryId,
                        "execution_time", dueAt.atOffset(ZoneOffset.UTC)));
    }
}
