package org.teamsprovisioner.graph;

/** Graph accepted {@code POST /teams}: the team id is known at once, the team exists only when the operation succeeds. */
public record CreatedTeam(String teamId, String operationId) {
}
