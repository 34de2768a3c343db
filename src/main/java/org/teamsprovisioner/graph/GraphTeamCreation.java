package org.teamsprovisioner.graph;

import java.util.List;
import org.teamsprovisioner.provisioning.TeamCreation;
import org.teamsprovisioner.request.TeamSpec;
import reactor.core.publisher.Mono;

/** Provisioning's {@link TeamCreation} port over the Graph client. */
class GraphTeamCreation implements TeamCreation {

    private final GraphClient graph;
    private final TeamBodies bodies;

    GraphTeamCreation(GraphClient graph, TeamBodies bodies) {
        this.graph = graph;
        this.bodies = bodies;
    }

    @Override
    public Mono<Group> createGroup(GroupToCreate group) {
        return graph.createGroup(new NewGroup(group.displayName(), group.description(), group.mailNickname(), group.visibility(),
                        group.owners(), group.members()))
                .map(GraphTeamCreation::group)
                .onErrorMap(GraphException.class, GraphCallFailures::of);
    }

    @Override
    public Mono<Accepted> createTeam(TeamSpec spec, String groupId) {
        return graph.createTeam(bodies.bodyFor(spec, groupId))
                .map(created -> new Accepted(created.teamId(), created.operationId()))
                .onErrorMap(GraphException.class, GraphCallFailures::of);
    }

    @Override
    public Mono<Group> findGroup(String groupId) {
        return graph.findGroup(groupId).map(GraphTeamCreation::group).onErrorMap(GraphException.class, GraphCallFailures::of);
    }

    @Override
    public Mono<List<Group>> findGroupsByMailNickname(String mailNickname) {
        return graph.findGroupsByMailNickname(mailNickname).map(GraphTeamCreation::groups)
                .onErrorMap(GraphException.class, GraphCallFailures::of);
    }

    @Override
    public Mono<List<Group>> findGroupsByDisplayName(String displayName) {
        return graph.findGroupsByDisplayName(displayName).map(GraphTeamCreation::groups)
                .onErrorMap(GraphException.class, GraphCallFailures::of);
    }

    private static List<Group> groups(List<GroupSummary> found) {
        return found.stream().map(GraphTeamCreation::group).toList();
    }

    private static Group group(GroupSummary group) {
        return new Group(group.id(), group.createdDateTime() == null ? null : group.createdDateTime().toInstant());
    }
}
