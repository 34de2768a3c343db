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

    public record Page(List<RequestSummary> items, TeamRequestStore.PageKey next) {
    }
}
