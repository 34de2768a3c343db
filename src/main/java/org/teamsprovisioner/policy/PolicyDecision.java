package org.teamsprovisioner.policy;

import java.util.List;
import org.teamsprovisioner.request.TeamSpec;
import org.teamsprovisioner.request.Violation;

/**
 * The policy's answer to a team request.
 *
 * @param approved the spec to provision (final name, defaults, required channels, locked settings,
 *     apps); null when there are violations
 * @param displayName the final display name, when it could be built (the requester's profile had
 *     every attribute the prefix and suffix need)
 * @param violations every problem, in a stable order: by field as in the request body, then as found
 */
public record PolicyDecision(TeamSpec approved, String displayName, List<Violation> violations) {

    public boolean isValid() {
        return violations.isEmpty();
    }
}
