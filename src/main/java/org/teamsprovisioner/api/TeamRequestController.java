package org.teamsprovisioner.api;

import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.teamsprovisioner.graph.TeamBodies;
import org.teamsprovisioner.provisioning.PreviewTeamRequest;
import org.teamsprovisioner.provisioning.ReadTeamRequests;
import org.teamsprovisioner.provisioning.RequestStatus;
import org.teamsprovisioner.provisioning.SubmitTeamRequest;
import org.teamsprovisioner.request.Caller;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping(path = "/api/v1/team-requests", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
class TeamRequestController {

    private final SubmitTeamRequest submit;
    private final PreviewTeamRequest preview;
    private final ReadTeamRequests read;
    private final TeamBodies payloads;
    private final Callers callers;
    private final IdempotencyKeys idempotencyKeys;
    private final CallerRateLimits rateLimits;
    private final Clock clock;

    TeamRequestController(SubmitTeamRequest submit, PreviewTeamRequest preview, ReadTeamRequests read, TeamBodies payloads,
            Callers callers, IdempotencyKeys idempotencyKeys, CallerRateLimits rateLimits, Clock clock) {
        this.clock = clock;
        this.submit = submit;
        this.preview = preview;
        this.read = read;
        this.payloads = payloads;
        this.callers = callers;
        this.idempotencyKeys = idempotencyKeys;
        this.rateLimits = rateLimits;
    }

    /**
     * Stores the request if the policy allows it, and returns: provisioning runs in a job, never in
     * this call ({@link SubmitTeamRequest}). A caller over its rate is refused before the body is read.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<TeamRequestView>> submit(@RequestBody Mono<TeamRequestBody> body, @RequestHeader HttpHeaders headers,
            @AuthenticationPrincipal JwtAuthenticationToken token) {
        Caller caller = callers.caller(token);
        rateLimits.admit(CallerRateLimits.Operation.SUBMIT, caller.id());
        return body.map(request -> new SubmitTeamRequest.Command(caller, request.toSpec(),
                        idempotencyKeys.from(headers, caller.id(), request).orElse(null)))
                .flatMap(submit::submit)
                .map(SubmitTeamRequest.Submission::request)
                .map(stored -> ResponseEntity.accepted()
                        .location(URI.create("/api/v1/team-requests/" + stored.id()))
                        .body(TeamRequestView.of(stored)));
    }

    /** What submitting this body would do, without doing it: the policy's verdict and the exact Graph request. */
    @PostMapping(path = "/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<PreviewView> preview(@RequestBody Mono<TeamRequestBody> body, @AuthenticationPrincipal JwtAuthenticationToken token) {
        Caller caller = callers.caller(token);
        rateLimits.admit(CallerRateLimits.Operation.PREVIEW, caller.id());
        return body.flatMap(request -> preview.preview(caller, request.toSpec()))
                .map(decision -> new PreviewView(decision.isValid(), decision.violations(), decision.displayName(),
                        decision.isValid() ? payloads.bodyFor(decision.approved()) : null));
    }

    /**
     * The status monitor. While the request is at work it carries {@code Retry-After}: the seconds
     * until its job's next step is due and has run, so a polling portal polls at the job's pace
     * (Microsoft's REST guidelines put it on every status monitor that is not done).
     */
    @GetMapping("/{id}")
    Mono<ResponseEntity<TeamRequestView>> one(@PathVariable String id, @AuthenticationPrincipal JwtAuthenticationToken caller) {
        return read.one(parseId(id), callers.caller(caller))
                .map(summary -> {
                    var ok = ResponseEntity.ok();
                    summary.nextChangeIn(clock.instant()).ifPresent(wait -> ok.header(HttpHeaders.RETRY_AFTER,
                            Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000))));
                    return ok.body(TeamRequestView.of(summary));
                })
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No team request " + id + " is visible to the caller")));
    }

    @GetMapping
    Mono<TeamRequestPage> page(@RequestParam(required = false) String status, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String limit, @AuthenticationPrincipal JwtAuthenticationToken caller) {
        return Mono.fromCallable(() -> read.page(callers.caller(caller), parseStatus(status),
                        cursor == null || cursor.isBlank() ? null : PageCursor.decode(cursor), parseLimit(limit)))
                .flatMap(page -> page)
                .map(page -> new TeamRequestPage(page.items().stream().map(TeamRequestView::of).toList(),
                        page.next() == null ? null : PageCursor.encode(page.next())));
    }

    static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAUuid) {
            throw new NotFoundException("No team request " + id + " is visible to the caller");
        }
    }

    private static RequestStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return RequestStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new BadRequestException("/status", "must be one of " + Arrays.stream(RequestStatus.values())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    static int parseLimit(String limit) {
        if (limit == null || limit.isBlank()) {
            return 20;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= ReadTeamRequests.MAX_PAGE_SIZE) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new BadRequestException("/limit", "must be a whole number from 1 to " + ReadTeamRequests.MAX_PAGE_SIZE);
    }
}
