package org.teamsprovisioner.api;

import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.teamsprovisioner.provisioning.CancelTeamRequest;
import org.teamsprovisioner.provisioning.RetryTeamRequest;
import reactor.core.publisher.Mono;

/**
 * {@code POST .../{id}/retry} and {@code .../{id}/cancel}: for the requester, or a caller with the
 * manage-all role; everyone else gets 404, as for reading the request.
 */
@RestController
@RequestMapping(path = "/api/v1/team-requests/{id}", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
class TeamRequestActionsController {

    private final RetryTeamRequest retry;
    private final CancelTeamRequest cancel;
    private final Callers callers;

    TeamRequestActionsController(RetryTeamRequest retry, CancelTeamRequest cancel, Callers callers) {
        this.retry = retry;
        this.cancel = cancel;
        this.callers = callers;
    }

    /** A FAILED request goes back to work; 202 as for a submit, since a job now carries it on. */
    @PostMapping("/retry")
    Mono<ResponseEntity<TeamRequestView>> retry(@PathVariable String id, @AuthenticationPrincipal JwtAuthenticationToken caller) {
        return retry.retry(TeamRequestController.parseId(id), callers.caller(caller))
                .map(retried -> ResponseEntity.accepted()
                        .location(URI.create("/api/v1/team-requests/" + retried.id()))
                        .body(TeamRequestView.of(retried)))
                .switchIfEmpty(Mono.error(() -> notVisible(id)));
    }

    @PostMapping("/cancel")
    Mono<TeamRequestView> cancel(@PathVariable String id, @AuthenticationPrincipal JwtAuthenticationToken caller) {
        return cancel.cancel(TeamRequestController.parseId(id), callers.caller(caller))
                .map(TeamRequestView::of)
                .switchIfEmpty(Mono.error(() -> notVisible(id)));
    }

    private static NotFoundException notVisible(String id) {
        return new NotFoundException("No team request " + id + " is visible to the caller");
    }
}
