package org.teamsprovisioner.provisioning;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.teamsprovisioner.request.TeamSpec;
import reactor.core.publisher.Mono;

/**
 * Step {@link Step#ADD_MEMBERS}: owners and members the create call could not carry — beyond the 20
 * a group may be created with, or all of them for an existing group — added with
 * {@code members/add}, one chunk of 200 (Graph's limit) per run, progress stored after each.
 */
@Component
class AddMembersToTeam {

    static final int CHUNK = 200;
    private static final Logger log = LoggerFactory.getLogger(AddMembersToTeam.class);

    private final TeamProgress graph;
    private final TeamSucceeded succeeded;
    private final Clock clock;

    AddMembersToTeam(TeamProgress graph, TeamSucceeded succeeded, Clock clock) {
        this.graph = graph;
        this.succeeded = succeeded;
        this.clock = clock;
    }

    /** Who the create call did not carry, owners first, in a stable order. */
    static List<Membership> beyondCreate(TeamSpec spec) {
        List<String> nonOwners = spec.members().stream().filter(member -> !spec.owners().contains(member)).toList();
        List<Membership> beyond = new ArrayList<>();
        if (spec.existingGroupId() != null) {
            spec.owners().forEach(owner -> beyond.add(new Membership(owner, true)));
            nonOwners.forEach(member -> beyond.add(new Membership(member, false)));
        } else if (spec.createsGroupFirst()) {
            int ownersInCreate = Math.min(spec.owners().size(), CreateGroupInGraph.MAX_MEMBERS_IN_CREATE);
            spec.owners().stream().skip(ownersInCreate).forEach(owner -> beyond.add(new Membership(owner, true)));
            nonOwners.stream().skip(Math.max(0, CreateGroupInGraph.MAX_MEMBERS_IN_CREATE - ownersInCreate))
                    .forEach(member -> beyond.add(new Membership(member, false)));
        }
        return beyond;
    }

    Mono<StepResult> run(TeamRequest request) {
        List<Membership> remaining = beyondCreate(request.spec());
        int from = Math.min(request.membersAdded(), remaining.size());
        List<Membership> chunk = remaining.subList(from, Math.min(remaining.size(), from + CHUNK));
        if (chunk.isEmpty()) {
            return Mono.just(succeeded.of(request, request.webUrl()));
        }
        return graph.addMembers(request.teamId(),
                        chunk.stream().filter(Membership::owner).map(Membership::user).toList(),
                        chunk.stream().filter(m -> !m.owner()).map(Membership::user).toList())
                .map(failures -> {
                    // The policy checked every user exists; one Graph still refuses is reported, not retried forever.
                    failures.forEach(failure -> log.atWarn().addKeyValue(ProvisionTeam.TEAM_REQUEST_ID, request.id())
                            .log("Team request {}: Graph did not add {}", request.id(), failure));
                    return StepResult.after(request.membersAddedUpTo(from + chunk.size(), clock.instant()), Duration.ZERO);
                });
    }

    record Membership(String user, boolean owner) {
    }
}
