package org.teamsprovisioner.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.teamsprovisioner.provisioning.FollowTeamRequest;
import org.teamsprovisioner.provisioning.ReadTeamRequests;
import org.teamsprovisioner.provisioning.RequestEvent;
import org.teamsprovisioner.request.Caller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code GET .../{id}/events}: who did what to a request and when, oldest first; visible as the request is. */
@RestController
@RequestMapping(path = "/api/v1/team-requests/{id}/events", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
class TeamRequestEventsController {

    private final ReadTeamRequests read;
    private final FollowTeamRequest follow;
    private final EventStreams streams;
    private final Callers callers;

    TeamRequestEventsController(ReadTeamRequests read, FollowTeamRequest follow, EventStreams streams, Callers callers) {
        this.read = read;
        this.follow = follow;
        this.streams = streams;
        this.callers = callers;
    }

    /**
     * The same history live, as Server-Sent Events ({@code Accept: text/event-stream}): the events
     * after {@code Last-Event-ID} (a reconnecting client's) or {@code after}, then each new one as
     * any replica appends it, ending after the terminal event. Each SSE event's {@code id} is the
     * event's, its {@code event} the type, its {@code data} the event as the JSON history shows it.
     */
    @GetMapping(produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Mono<ResponseEntity<Flux<ServerSentEvent<EventView>>>> live(@PathVariable String id,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId, @RequestParam(required = false) String after,
            @AuthenticationPrincipal JwtAuthenticationToken token) {
        Caller caller = callers.caller(token);
        return Mono.defer(() -> follow.follow(TeamRequestController.parseId(id), caller,
                        lastEventId != null && !lastEventId.isBlank() ? parseLastEventId(lastEventId) : parseAfter(after)))
                .map(events -> ResponseEntity.ok()
                        // nginx (and ingress-nginx) buffer responses unless told not to, which would hold events back.
                        .header("X-Accel-Buffering", "no")
                        .cacheControl(CacheControl.noStore())
                        .body(streams.open(caller.id(), events.map(event -> ServerSentEvent.builder(EventView.of(event))
                                .id(Long.toString(event.id())).event(event.type().wireName()).build()))))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No team request " + id + " is visible to the caller")));
    }

    private static long parseLastEventId(String lastEventId) {
        try {
            return parseAfter(lastEventId);
        } catch (BadRequestException bad) {
            throw new BadRequestException("/Last-Event-ID", "must be the id of an event this stream sent (a whole number from 0)");
        }
    }

    /** @param after the id of the last event already seen (the previous page's {@code next}); none: from the start */
    @GetMapping
    Mono<EventPage> history(@PathVariable String id, @RequestParam(required = false) String after,
            @RequestParam(required = false) String limit, @AuthenticationPrincipal JwtAuthenticationToken caller) {
        return Mono.fromCallable(() -> read.events(TeamRequestController.parseId(id), callers.caller(caller), parseAfter(after),
                        TeamRequestController.parseLimit(limit)))
                .flatMap(page -> page)
                .map(page -> new EventPage(page.items().stream().map(EventView::of).toList(), page.next()))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No team request " + id + " is visible to the caller")));
    }

    private static long parseAfter(String after) {
        if (after == null || after.isBlank()) {
            return 0;
        }
        try {
            long value = Long.parseLong(after.strip());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new BadRequestException("/after", "must be the id of an event (a whole number from 0)");
    }

    /** @param next the {@code after} of the following page; null on the last page */
    record EventPage(List<EventView> items, Long next) {
    }

    /**
     * @param id monotonic per request, from 1
     * @param type {@code submitted}, {@code step-reached}, {@code team-id-known}, {@code succeeded}, ...
     * @param actor the caller's id for what a caller did, else {@code service}
     */
    record EventView(long id, Instant time, String type, String actor, Map<String, Object> data) {

        static EventView of(RequestEvent event) {
            return new EventView(event.id(), event.time(), event.type().wireName(), event.actor(), event.data());
        }
    }
}
