package org.teamsprovisioner.sandbox.createteam;

import java.util.Optional;

import org.teamsprovisioner.sandbox.http.GraphCaller;

/**
 * One validation rule of Create team. A rule returns the message of Graph's 400 when the request
 * breaks it; {@link CreateTeamRules} lists them in the order Graph is observed to apply them.
 */
@FunctionalInterface
interface CreateTeamRule {

    Optional<String> violation(CreateTeamRequest request, GraphCaller caller);
}
