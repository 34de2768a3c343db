package org.teamsprovisioner.graph;

import java.util.List;
import org.teamsprovisioner.provisioning.TeamProgress;
import reactor.core.publisher.Mono;

/** Provisioning's {@link TeamProgress} port over the Graph client. */
class GraphTeamProgress implements TeamProgress {

    private final GraphClient graph;

    GraphTeamProgress(GraphClient graph) {
        this.graph = graph;
    }

    @Override
    public Mono<Operation> operation(String teamId, String operationId) {
        return graph.getOperation(teamId, operationId)
                .map(GraphTeamProgress::operation)
                .onErrorMap(GraphException.class, GraphCallFailures::of);
    }

    @Override
    public Mono<Team> team(String teamId) {
        return graph.getTeam(teamId)
                .map(team -> new Team(team.webUrl(), team.internalId()))
                .onErrorMap(GraphException.class, GraphCallFailures::of);
    }

    @Override
    public Mono<List<String>> addMembers(String teamId, List<String> owners, List<String> members) {
        return graph.addMembers(teamId, owners, members).onErrorMap(GraphException.class, GraphCallFailures::of);
    }

    @Override
    public Mono<Void> touchFilesFolder(String teamId, String channelId) {
        return graph.touchFilesFolder(teamId, channelId).onErrorMap(GraphException.class, GraphCallFailures::of);
    }

    private static Operation operation(OperationPoll poll) {
        TeamsAsyncOperation operation = poll.operation();
        TeamsAsyncOperation.OperationError error = operation.error();
        return new Operation(operation.status(), operation.attemptsCount() == null ? 0 : operation.attemptsCount(),
                error == null ? null : new OperationError(error.code(), error.message()), poll.retryAfter());
    }
}
