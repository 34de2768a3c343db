package org.teamsprovisioner.graph;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import org.teamsprovisioner.provisioning.GraphWorkload;

/**
 * The pace of the provisioning jobs' Graph calls, per workload and per app per tenant, shared by
 * every replica through the database. Defaults are Microsoft's published limits ("Microsoft Graph
 * service-specific throttling limits": Teams service limits, Identity and access for a large
 * tenant); a tenant that Graph throttles sooner gets 429s, which pause that workload everywhere.
 *
 * @param createTeam {@code POST /teams}: 10 per second.
 * @param getTeam {@code GET /teams/{id}}: 30 per second.
 * @param teamsRead other GETs under {@code /teams} (operation polls, files folders): 30 per second.
 * @param teamsWrite other calls under {@code /teams} ({@code members/add}): 30 per second.
 * @param directory users and groups: 3,500 per 10 seconds.
 * @param lateAllowance how late a job may use the slot it was given; a job that comes back later
 *     (its replica died, or every worker was busy) takes a new slot, so late jobs never add up to a
 *     burst above the limit.
 */
@Validated
@ConfigurationProperties("provisioner.graph.pacing")
public record GraphPacingProperties(
        @NotNull @DefaultValue("10/1s") CallRate createTeam,
        @NotNull @DefaultValue("30/1s") CallRate getTeam,
        @NotNull @DefaultValue("30/1s") CallRate teamsRead,
        @NotNull @DefaultValue("30/1s") CallRate teamsWrite,
        @NotNull @DefaultValue("3500/10s") CallRate directory,
        @NotNull @DurationMin(millis = 0) @DefaultValue("2s") Duration lateAllowance) {

    CallRate rateOf(GraphWorkload workload) {
        return switch (workload) {
            case CREATE_TEAM -> createTeam;
            case GET_TEAM -> getTeam;
            case TEAMS_READ -> teamsRead;
            case TEAMS_WRITE -> teamsWrite;
            case DIRECTORY -> directory;
        };
    }
}
