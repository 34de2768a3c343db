package org.teamsprovisioner.api;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
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
import org.teamsprovisioner.policy.CheckTeamRequest;
import org.teamsprovisioner.policy.Requester;
import org.teamsprovisioner.provisioning.IdempotencyKey;
import org.teamsprovisioner.request.InvalidTeamRequestException;
import org.teamsprovisioner.provisioning.NewTeamRequest;
import org.teamsprovisioner.provisioning.ReadTeamRequests;
import org.teamsprovisioner.provisioning.RequestsInFlight;
import org.teamsprovisioner.provisioning.RequestStatus;
import org.teamsprovisioner.provisioning.SubmitTeamRequest;
import org.teamsprovisioner.provisioning.TeamRequest;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping(path = "/api/v1/team-requests", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
class TeamRequestController {

    // A team takes about half a minute in Graph (Microsoft: "wait >30 seconds between checks" of its operation).
    private static final Duration IN_FLIGHT_RETRY = Duration.ofSeconds(30);

    private final CheckTeamRequest check;
    private final SubmitTeamRequest submit;
    private final ReadTeamRequests read;
    private final TeamBodies payloads;
    private final Callers callers;
    private final IdempotencyKeys idempotencyKeys;
    private final CallerRateLimits rateLimits;
    private final RequestsInFlight inFlight;
    private final int inFlightLimit;

    TeamRequestController(CheckTeamRequest check, SubmitTeamRequest submit, ReadTeamRequests read, TeamBodies payloads,
            Callers callers, IdempotencyKeys idempotencyKeys, CallerRateLimits rateLimits, RequestsInFlight inFlight,
            RateLimitProperties limits) {
        this.check = check;
        this.submit = submit;
        this.read = read;
        this.payloads = payloads;
        this.callers = callers;
        this.idempotencyKeys = idempotencyKeys;
        this.rateLimits = rateLimits;
        this.inFlight = inFlight;
        this.inFlightLimit = limits.inFlight();
    }

    /**
     * Checks the request against the org policy, stores it and returns: provisioning runs in a job,
     * never in this call. A request with problems is refused with all of them, and nothing is stored.
     * With an {@code Idempotency-Key}, a repeat gets the first request's response instead. A caller
     * over its rate is refused before the body is read; one with too many requests in flight,
     * before the directory is.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<TeamRequestView>> submit(@RequestBody Mono<TeamRequestBody> body, @RequestHeader HttpHeaders headers,
            @AuthenticationPrincipal JwtAuthenticationToken caller) {
        Requester requester = requester(caller);
        rateLimits.admit(CallerRateLimits.Operation.SUBMIT, requester.id());
        return body.flatMap(request -> submit(request, headers, requester))
                .map(stored -> ResponseEntity.accepted()
                        .location(URI.create("/api/v1/team-requests/" + stored.id()))
                        .body(TeamRequestView.of(stored)));
    }

    private Mono<TeamRequest> submit(TeamRequestBody body, HttpHeaders headers, Requester requester) {
        Optional<IdempotencyKey> key = idempotencyKeys.from(headers, requester.id(), body);
        Mono<Boolean> room = inFlightLimit == 0 ? Mono.just(true) : inFlight.below(requester.id(), inFlightLimit);
        Mono<NewTeamRequest> approved = room
                .flatMap(below -> below ? check.check(body.toSpec(), requester)
                        : Mono.error(TooManyRequestsException.inFlight(inFlightLimit, IN_FLIGHT_RETRY)))
                .map(decision -> {
                    if (!decision.isValid()) {
                        throw new InvalidTeamRequestException(decision.violations());
                    }
                    return new NewTeamRequest(requester.id(), decision.approved());
                });
        return key.isPresent() ? submit.submit(key.get(), approved).map(SubmitTeamRequest.Submission::request)
                : approved.flatMap(submit::submit);
    }

    /** What submitting this body would do, without doing it: the policy's verdict and the exact Graph request. */
    @PostMapping(path = "/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<PreviewView> preview(@RequestBody Mono<TeamRequestBody> body, @AuthenticationPrincipal JwtAuthenticationToken caller) {
        Requester requester = requester(caller);
        rateLimits.admit(CallerRateLimits.Operation.PREVIEW, requester.id());
        return body.flatMap(request -> check.check(request.toSpec(), requester))
                .map(decision -> new PreviewView(decision.isValid(), decision.violations(), decision.displayName(),
                        decision.isValid() ? payloads.bodyFor(decision.approved()) : null));
    }

    /** The caller as the policy sees them; the manage-all role (the service desk) may turn any group into a team. */
    private Requester requester(JwtAuthenticationToken caller) {
        return callers.requester(caller).managingAll(callers.actor(caller).managesAll());
    }

    @GetMapping("/{id}")
    Mono<TeamRequestView> one(@PathVariable String id, @AuthenticationPrincipal JwtAuthenticationToken caller) {
        return read.one(parseId(id), callers.reader(caller))
                .map(TeamRequestView::of)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No team request " + id + " is visible to the caller")));
    }

    @GetMapping
    Mono<TeamRequestPage> page(@RequestParam(required = false) String status, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String limit, @AuthenticationPrincipal JwtAuthenticationToken caller) {
        return Mono.fromCallable(() -> read.page(callers.reader(caller), parseStatus(status),
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

    private static int parseLimit(String limit) {
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
