package org.teamsprovisioner.provisioning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.teamsprovisioner.request.TeamSpec;
import reactor.core.publisher.Mono;

/**
 * Step {@link Step#CREATE_GROUP} (group-first mode): {@code POST /groups}. The mailNickname is
 * derived from the request id, so when an earlier POST's outcome is unknown the group it may have
 * created is found by nickname and adopted instead of a second one being made.
 */
@Component
class CreateGroupInGraph implements StepHandler {

    private final TeamCreation graph;
    private final Clock clock;

    CreateGroupInGraph(TeamCreation graph, Clock clock) {
        this.graph = graph;
        this.clock = clock;
    }

    static String mailNickname(UUID requestId) {
        return "team-" + requestId.toString().replace("-", "");
    }

    @Override
    public Mono<StepResult> run(TeamRequest request, boolean reconcileFirst) {
        String nickname = mailNickname(request.id());
        Mono<StepResult> create = Mono.defer(() -> graph.createGroup(newGroup(request.spec(), nickname)).map(group -> created(request, group)));
        if (!reconcileFirst) {
            return create;
        }
        return graph.findGroupsByMailNickname(nickname)
                .flatMap(found -> found.isEmpty() ? create : Mono.just(created(request, found.get(0))));
    }

    private StepResult created(TeamRequest request, TeamCreation.Group group) {
        Instant now = clock.instant();
        Instant createdAt = group.createdAt() == null ? now : group.createdAt();
        return StepResult.after(request.groupCreated(group.id(), createdAt, now), Duration.ZERO);
    }

    /** Who the create call carries is the {@link MembershipPlan}'s to say; the rest are added once the team exists. */
    private static TeamCreation.GroupToCreate newGroup(TeamSpec spec, String nickname) {
        MembershipPlan plan = MembershipPlan.of(spec);
        return new TeamCreation.GroupToCreate(spec.displayName(), spec.description(), nickname, spec.visibility(), plan.groupOwners(),
                plan.groupMembers());
    }
}
