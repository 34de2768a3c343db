package org.teamsprovisioner.provisioning;

import java.time.Clock;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Step {@link Step#CHECK_FILES_FOLDER}: the Create team doc warns that the General channel's
 * SharePoint site may fail to provision, and that reading its files folder after 5 minutes
 * triggers it. The General channel's id is the team's thread id ({@code internalId}).
 */
@Component
class CheckFilesFolder {

    private final TeamProgress graph;
    private final Clock clock;

    CheckFilesFolder(TeamProgress graph, Clock clock) {
        this.graph = graph;
        this.clock = clock;
    }

    Mono<StepResult> run(TeamRequest request) {
        return graph.team(request.teamId())
                .flatMap(team -> graph.touchFilesFolder(request.teamId(), team.generalChannelId()))
                .then(Mono.fromSupplier(() -> StepResult.done(request.followUpDone(clock.instant()))));
    }
}
