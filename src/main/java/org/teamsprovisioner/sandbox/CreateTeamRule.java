package org.teamsprovisioner.sandbox;

import java.util.Optional;

/**
 * One validation rule of Create team. A rule returns the message of Graph's 400 when the request
 * breaks it; {@link CreateTeamRules} lists them in the order Graph is observed to apply them.
 */
@FunctionalInterface
interface CreateTeamRule {

    Optional<String> violation(CreateTeamRequest request, GraphCaller caller);
}
