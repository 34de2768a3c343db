package org.teamsprovisioner.provisioning;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.teamsprovisioner.request.Caller;
import reactor.core.publisher.Mono;

/** What a caller may see of team requests: their own, or all of them with the reader role. */
@Service
public class ReadTeamRequests {

    public static final int MAX_PAGE_SIZE = 100;

    private final TeamRequestStore store;

    ReadTeamRequests(TeamRequestStore store) {
        this.store = store;
    }

    /** Empty when the request does not exist or belongs to someone else: the caller cannot tell which. */
    public Mono<RequestSummary> one(UUID id, Caller reader) {
        return store.findSummary(id).filter(request -> reader.mayRead(request.requester()));
    }

    /** One page of the reader's own requests, newest first; {@code next} is empty on the last page. */
    public Mono<Page> page(Caller reader, RequestStatus status, TeamRequestStore.PageKey after, int limit) {
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_PAGE_SIZE);
        }
        return store.findByRequester(reader.id(), status, after, limit + 1)
                .collectList()
                .map(found -> {
                    List<RequestSummary> items = found.size() > limit ? found.subList(0, limit) : found;
                    RequestSummary last = items.isEmpty() ? null : items.get(items.size() - 1);
                    TeamRequestStore.PageKey next = found.size() > limit ? new TeamRequestStore.PageKey(last.createdAt(), last.id()) : null;
                    return new Page(items, next);
                });
    }

    /**
     * One page of a request's history, oldest first, after event {@code afterId}; empty when the
     * request does not exist or belongs to someone else, as for {@link #one}.
     *
     * @return the page, whose {@code next} is the id to continue after, or null on the last page
     */
    public Mono<EventPage> events(UUID id, Caller reader, long afterId, int limit) {
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_PAGE_SIZE);
        }
        return one(id, reader)
                .flatMap(visible -> store.findEvents(id, afterId, limit + 1).collectList())
                .map(found -> found.size() > limit
                        ? new EventPage(found.subList(0, limit), found.get(limit - 1).id())
                        : new EventPage(found, null));
    }

    public record Page(List<RequestSummary> items, TeamRequestStore.PageKey next) {
    }

    public record EventPage(List<RequestEvent> items, Long next) {
    }
}
