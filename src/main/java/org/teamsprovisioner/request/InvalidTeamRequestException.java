package org.teamsprovisioner.request;

import java.util.List;

/** A request that cannot be accepted as sent; carries every problem found, not just the first. */
public class InvalidTeamRequestException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidTeamRequestException(List<Violation> violations) {
        super(violations.size() + " problem(s) with the team request: "
                + violations.stream().map(v -> v.field() + " " + v.message()).toList());
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
