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
import reactor.core.publisher.Mono;

/**
 * Directory users for the policy, from a bounded cache in front of Graph: only users not cached are
 * read, all of them in as few calls as Graph allows ({@link GraphClient#findUsers}), and concurrent
 * checks naming the same uncached user share one lookup. Keys are case-insensitive, as object ids
 * and user principal names are in Entra ID.
 */
public class DirectoryReader {

    private final GraphClient graph;
    private final AsyncCache<String, Optional<DirectoryUser>> cache;

    DirectoryReader(GraphClient graph, DirectoryCacheProperties settings) {
        this.graph = graph;
        this.cache = Caffeine.newBuilder()
                .maximumSize(settings.maxSize())
                .expireAfter(Expiry.<String, Optional<DirectoryUser>>creating((user, found) -> found.isPresent() ? settings.ttl()
                        : settings.notFoundTtl()))
                .recordStats()
                .buildAsync();
    }

    AsyncCache<String, Optional<DirectoryUser>> cache() {
        return cache;
    }

    /** @return the users found, keyed by the id or name as given, in lower case; absent ones are not in the directory */
    public Mono<Map<String, DirectoryUser>> findUsers(Collection<String> idsOrUserPrincipalNames) {
        Set<String> keys = new LinkedHashSet<>();
        idsOrUserPrincipalNames.forEach(user -> keys.add(user.toLowerCase(Locale.ROOT)));
        if (keys.isEmpty()) {
            return Mono.just(Map.of());
        }
        return Mono.fromFuture(() -> cache.getAll(keys, (missing, executor) -> graph.findUsers(missing)
                        .map(found -> {
                            Map<String, Optional<DirectoryUser>> loaded = new HashMap<>();
                            missing.forEach(user -> loaded.put(user, Optional.ofNullable(found.get(user))));
                            return loaded;
                        })
                        .toFuture()))
                .map(all -> {
                    Map<String, DirectoryUser> found = new HashMap<>();
                    all.forEach((user, entry) -> entry.ifPresent(directoryUser -> found.put(user, directoryUser)));
                    return found;
                });
    }

    public Mono<Optional<DirectoryUser>> findUser(String idOrUserPrincipalName) {
        String key = idOrUserPrincipalName.toLowerCase(Locale.ROOT);
        return findUsers(Set.of(key)).map(found -> Optional.ofNullable(found.get(key)));
    }

    /**
     * The object ids of a group's owners, in lower case; empty when there is no such group. Read
     * from Graph every time, not cached: an owner removed a minute ago must not pass as one.
     */
    public Mono<Optional<Set<String>>> groupOwners(String groupId) {
        return graph.findGroupOwnerIds(groupId);
    }

    /** Hits over lookups since start, for metrics and tests. */
    double hitRate() {
        return cache.synchronous().stats().hitRate();
    }
}
