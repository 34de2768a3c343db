package org.teamsprovisioner.provisioning.jobs;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.teamsprovisioner.provisioning.IdempotencyProperties;
import org.teamsprovisioner.provisioning.PurgeIdempotencyKeys;

/**
 * Purges expired idempotency keys as a recurring db-scheduler task: one replica at a time, off the
 * request path. Purging on write instead would make every submit delete other callers' rows, and
 * two submits deleting the same rows in different orders can deadlock on PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyKeyPurgeJob {

    static final String TASK_NAME = "purge-idempotency-keys";

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyPurgeJob.class);
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    @Bean
    RecurringTask<Void> purgeIdempotencyKeysTask(PurgeIdempotencyKeys purge, IdempotencyProperties properties) {
        return Tasks.recurring(TASK_NAME, FixedDelay.of(properties.purgeInterval()))
                .execute((instance, context) -> {
                    Long purged = purge.purge().block(TIMEOUT);
                    if (purged != null && purged > 0) {
                        log.info("Purged {} expired idempotency key(s)", purged);
                    }
                });
    }
}
