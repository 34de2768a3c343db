package org.teamsprovisioner.provisioning;

import java.util.List;
import org.teamsprovisioner.request.InvalidTeamRequestException;
import org.teamsprovisioner.request.TeamSpec;
import org.teamsprovisioner.request.TeamsLimits;
import org.teamsprovisioner.request.Violation;

/**
 * The command to provision a team. It validates itself against the limits Microsoft Teams and
 * Graph impose ({@link TeamsLimits}): constructing one with a spec that breaks them throws
 * {@link InvalidTeamRequestException} listing every problem.
 *
 * @param requester the caller's stable id (Entra object id, or the token subject)
 */
public record NewTeamRequest(String requester, TeamSpec spec) {

    public NewTeamRequest {
        if (requester == null || requester.isBlank()) {
            throw new IllegalArgumentException("requester is required");
        }
        List<Violation> violations = TeamsLimits.problemsOf(spec);
        if (!violations.isEmpty()) {
            throw new InvalidTeamRequestException(violations);
        }
    }
}
