package org.teamsprovisioner.provisioning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Step {@link Step#CREATE_TEAM}: {@code POST /teams}, directly or bound to a group, then remember
 * the team and operation ids Graph returned. When an earlier POST's outcome is unknown, the team it
 * may have created is looked for first, and adopted instead of a second one being made.
 */
@Component
class CreateTeamInGraph implements StepHandler {

    private final TeamCreation graph;
    private final ProvisioningProperties properties;
    private final Clock clock;

    CreateTeamInGraph(TeamCreation graph, ProvisioningProperties properties, Clock clock) {
        this.graph = graph;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Mono<StepResult> run(TeamRequest request, boolean reconcileFirst) {
        if (request.group() != null) {
            return fromGroup(request, reconcileFirst);
        }
        Mono<StepResult> post = Mono.defer(() -> graph.createTeam(request.spec(), null)
                .map(created -> accepted(request, created)));
        if (!reconcileFirst) {
            return post;
        }
        // Display names are not unique, so only a group of that name created since this request's
        // POST counts as the team that POST made.
        Instant since = request.pending().since().minus(properties.reconcileSkew());
        return graph.findGroupsByDisplayName(request.spec().displayName())
                .map(groups -> groups.stream().filter(group -> createdSince(group, since)).findFirst())
                .flatMap(found -> found.isPresent() ? Mono.just(adopted(request, found.get().id())) : post);
    }

    /**
     * A group has at most one team, so a repeated team-from-group POST cannot create a second:
     * Graph answers 409, and the team is ours when the group is ours or our earlier POST may have
     * made it.
     */
    private Mono<StepResult> fromGroup(TeamRequest request, boolean reconcileFirst) {
        String groupId = request.group().id();
        if (request.group().createdAt() == null) {
            // An existing group: learn its age first, so a 404 can be told apart from replication lag.
            return graph.findGroup(groupId)
                    .map(group -> StepResult.after(request.groupSeen(group.createdAt() == null ? request.createdAt()
                            : group.createdAt(), clock.instant()), Duration.ZERO))
                    .switchIfEmpty(Mono.fromSupplier(() -> StepResult.done(request.failed("GroupNotFound",
                            "No group " + groupId + " exists in the directory.", clock.instant()))));
        }
        boolean ourGroup = request.spec().existingGroupId() == null;
        return graph.createTeam(request.spec(), groupId)
                .map(created -> accepted(request, created))
                .onErrorResume(GraphCallFailed.class, error -> error.isConflict() && (ourGroup || reconcileFirst)
                        ? Mono.just(adopted(request, groupId))
                        : Mono.error(error));
    }

    private StepResult accepted(TeamRequest request, TeamCreation.Accepted created) {
        return StepResult.after(request.creationAccepted(created.teamId(), created.operationId(), clock.instant()),
                properties.pollInitialDelay());
    }

    private StepResult adopted(TeamRequest request, String teamId) {
        return StepResult.after(request.teamAdopted(teamId, clock.instant()), Duration.ZERO);
    }

    private static boolean createdSince(TeamCreation.Group group, Instant since) {
        return Optional.ofNullable(group.createdAt()).map(created -> !created.isBefore(since)).orElse(false);
    }
}
