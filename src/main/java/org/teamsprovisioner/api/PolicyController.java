package org.teamsprovisioner.api;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.teamsprovisioner.policy.DescribePolicy;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/policy}: what a portal needs to show hints before the user submits. */
@RestController
class PolicyController {

    private final DescribePolicy describe;
    private final Callers callers;

    PolicyController(DescribePolicy describe, Callers callers) {
        this.describe = describe;
        this.callers = callers;
    }

    @GetMapping(path = "/api/v1/policy", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<DescribePolicy.EffectivePolicy> policy(@AuthenticationPrincipal JwtAuthenticationToken caller) {
        return describe.forCaller(callers.caller(caller));
    }
}
