package org.teamsprovisioner.graph;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.teamsprovisioner.policy.Directory;
import org.teamsprovisioner.policy.DirectoryUser;
import reactor.core.publisher.Mono;

/**
 * The policy's {@link Directory}, from a bounded cache in front of Graph: only users not cached are
 * read, all of them in as few calls as Graph allows ({@link GraphClient#findUsers}), and concurrent
 * checks naming the same uncached user share one lookup. Keys are case-insensitive, as object ids
 * and user principal names are in Entra ID.
 */
class DirectoryReader implements Directory {

    private final GraphClient graph;
    private final AsyncCache<String, Optional<GraphUser>> cache;

    DirectoryReader(GraphClient graph, DirectoryCacheProperties settings) {
        this.graph = graph;
        this.cache = Caffeine.newBuilder()
                .maximumSize(settings.maxSize())
                .expireAfter(Expiry.<String, Optional<GraphUser>>creating((user, found) -> found.isPresent() ? settings.ttl()
                        : settings.notFoundTtl()))
                .recordStats()
                .buildAsync();
    }

    AsyncCache<String, Optional<GraphUser>> cache() {
        return cache;
    }

    @Override
    public Mono<Map<String, DirectoryUser>> findUsers(Collection<String> idsOrUserPrincipalNames) {
        Set<String> keys = new LinkedHashSet<>();
        idsOrUserPrincipalNames.forEach(user -> keys.add(user.toLowerCase(Locale.ROOT)));
        if (keys.isEmpty()) {
            return Mono.just(Map.of());
        }
        // The load runs in the caller's Reactor context: toFuture() alone subscribes with an empty one, and the Graph
        // call's observation then started a trace of its own instead of a span of the submit's (TracingExportTest).
        // A load that concurrent checks share is traced under the one that started it.
        return Mono.deferContextual(context -> Mono.fromFuture(() -> cache.getAll(keys, (missing, executor) -> graph.findUsers(missing)
                        .map(found -> {
                            Map<String, Optional<GraphUser>> loaded = new HashMap<>();
                            missing.forEach(user -> loaded.put(user, Optional.ofNullable(found.get(user))));
                            return loaded;
                        })
                        .contextWrite(context)
                        .toFuture())))
                .map(all -> {
                    Map<String, DirectoryUser> found = new HashMap<>();
                    all.forEach((user, entry) -> entry.ifPresent(directoryUser -> found.put(user, forPolicy(directoryUser))));
                    return found;
                });
    }

    /** Graph's JSON stays here; the policy gets its own record. */
    private static DirectoryUser forPolicy(GraphUser user) {
        return new DirectoryUser(user.id(), user.userPrincipalName(), user.displayName(), user.department(),
                user.companyName(), user.officeLocation(), user.state(), user.country(), user.jobTitle(), user.userType());
    }

    /** Read from Graph every time, as the port requires. */
    @Override
    public Mono<Optional<Set<String>>> groupOwners(String groupId) {
        return graph.findGroupOwnerIds(groupId);
    }

    /** Hits over lookups since start, for metrics and tests. */
    double hitRate() {
        return cache.synchronous().stats().hitRate();
    }
}
