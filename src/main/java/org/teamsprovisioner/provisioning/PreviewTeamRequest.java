package org.teamsprovisioner.provisioning;

import org.springframework.stereotype.Service;
import org.teamsprovisioner.policy.CheckTeamRequest;
import org.teamsprovisioner.policy.PolicyDecision;
import org.teamsprovisioner.request.Caller;
import org.teamsprovisioner.request.TeamSpec;
import reactor.core.publisher.Mono;

/**
 * What submitting a request would do, without doing it: the policy's verdict, with the same
 * directory reads as a submit, and nothing stored or counted against the caller's cap.
 */
@Service
public class PreviewTeamRequest {

    private final CheckTeamRequest policy;

    PreviewTeamRequest(CheckTeamRequest policy) {
        this.policy = policy;
    }

    public Mono<PolicyDecision> preview(Caller caller, TeamSpec requested) {
        return policy.check(requested, caller);
    }
}
