package org.teamsprovisioner.provisioning.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.teamsprovisioner.support.PostgresDatabase;
import org.teamsprovisioner.support.RunningService;

/**
 * The backlog gauges count what PostgreSQL holds: a replica that runs no jobs (an API-only one)
 * leaves its submits ACCEPTED with their jobs due, and its scrape says so.
 */
class BacklogGaugesPostgresTest {

    private static final Pattern UNFINISHED = Pattern.compile("(?m)^provisioner_team_requests_unfinished\\{status=\"ACCEPTED\"} (\\S+)$");
    private static final Pattern DUE = Pattern.compile("(?m)^provisioner_jobs_due (\\S+)$");
    private static final Pattern OLDEST = Pattern.compile("(?m)^provisioner_jobs_oldest_due_age_seconds (\\S+)$");

    @Test
    void submitsNoReplicaRunsShowAsUnfinishedRequestsAndDueJobsWhoseAgeGrows() throws InterruptedException {
        try (RunningService apiOnly = RunningService.onPostgres(PostgresDatabase.fresh(),
                Map.of("provisioner.jobs.enabled", false, "provisioner.jobs.metrics-refresh-interval", "100ms"))) {
            String token = apiOnly.tokenFor("alice@contoso.com");
            for (int i = 0; i < 3; i++) {
                apiOnly.submit(token, "{\"displayName\": \"Backlog " + i + "\", \"owners\": [\"alice@contoso.com\", \"bob@contoso.com\"]}")
                        .expectStatus().isAccepted();
            }
            String metrics = awaitMetrics(apiOnly, text -> value(DUE, text) == 3 && value(OLDEST, text) > 0.5);
            assertThat(value(UNFINISHED, metrics)).isEqualTo(3);
            assertThat(value(DUE, metrics)).isEqualTo(3);
            assertThat(value(OLDEST, metrics)).isGreaterThan(0.5);
        }
    }

    private static String awaitMetrics(RunningService service, java.util.function.Predicate<String> ready) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        String text;
        do {
            Thread.sleep(200);
            text = service.http().get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
        } while (!ready.test(text) && Instant.now().isBefore(deadline));
        return text;
    }

    private static double value(Pattern metric, String text) {
        Matcher found = metric.matcher(text);
        return found.find() ? Double.parseDouble(found.group(1)) : -1;
    }
}
