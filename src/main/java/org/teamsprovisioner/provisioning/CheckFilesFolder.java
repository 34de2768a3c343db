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
class CheckFilesFolder implements StepHandler {

    private final TeamProgress graph;
    private final Clock clock;

    CheckFilesFolder(TeamProgress graph, Clock clock) {
        this.graph = graph;
        this.clock = clock;
    }

    @Override
    public Mono<StepResult> run(TeamRequest request, boolean reconcileFirst) {
        String teamId = request.progress().teamId();
        return graph.team(teamId)
                .flatMap(team -> graph.touchFilesFolder(teamId, team.generalChannelId()))
                .then(Mono.fromSupplier(() -> StepResult.done(request.followUpDone(clock.instant()))));
    }
}
