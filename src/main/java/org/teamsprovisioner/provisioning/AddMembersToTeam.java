package org.teamsprovisioner.provisioning;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Step {@link Step#ADD_MEMBERS}: owners and members the create call could not carry (the
 * {@link MembershipPlan} says who) added with {@code members/add}, one chunk of 200 (Graph's limit)
 * per run, progress stored after each.
 */
@Component
class AddMembersToTeam implements StepHandler {

    private static final Logger log = LoggerFactory.getLogger(AddMembersToTeam.class);

    private final TeamProgress graph;
    private final TeamSucceeded succeeded;
    private final Clock clock;

    AddMembersToTeam(TeamProgress graph, TeamSucceeded succeeded, Clock clock) {
        this.graph = graph;
        this.succeeded = succeeded;
        this.clock = clock;
    }

    @Override
    public Mono<StepResult> run(TeamRequest request, boolean reconcileFirst) {
        TeamRequest.GraphProgress progress = request.progress();
        MembershipPlan.Chunk chunk = MembershipPlan.of(request.spec()).nextChunk(progress.membersAdded());
        if (chunk.users().isEmpty()) {
            return Mono.just(succeeded.of(request, progress.webUrl()));
        }
        return graph.addMembers(progress.teamId(), chunk.owners(), chunk.members())
                .map(failures -> {
                    // The policy checked every user exists; one Graph still refuses is reported, not retried forever.
                    failures.forEach(failure -> log.atWarn().addKeyValue(ProvisionTeam.TEAM_REQUEST_ID, request.id())
                            .log("Team request {}: Graph did not add {}", request.id(), failure));
                    return StepResult.after(request.membersAddedUpTo(chunk.addedAfter(), clock.instant()), Duration.ZERO);
                });
    }
}
