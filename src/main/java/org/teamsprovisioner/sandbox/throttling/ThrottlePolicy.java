package org.teamsprovisioner.sandbox.throttling;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.teamsprovisioner.sandbox.http.GraphCaller;
import org.teamsprovisioner.sandbox.settings.SandboxProperties;

/**
 * Graph's throttling as "Microsoft Graph service-specific throttling limits" describes it for the
 * calls this simulator serves: a token bucket per app per tenant per route class, and a 429 with
 * Retry-After when the bucket is empty.
 *
 * <p>After a 429 the app is blocked on that route class until the Retry-After elapses; a call
 * made earlier is throttled again with a fresh Retry-After and reported as an early retry, which
 * is what Microsoft's Dev Proxy (RetryAfterPlugin) does to catch clients that ignore the header.
 * The block is per route class rather than per app, because Graph throttles request types
 * separately ("you could encounter a scenario where writes are throttled but reads are still
 * permitted", Microsoft Graph throttling guidance).
 *
 * <p>Not simulated: the per-app limits across all tenants (the sandbox has one tenant) and
 * "4 requests per second per app on a given team or channel", which a client polling one
 * createTeam operation every 150 ms, as the service's tests do, would already exceed.
 */
final class ThrottlePolicy {

    /**
     * The rows of Microsoft's Teams limits table that this simulator serves, plus the rest. Each
     * has its own bucket; {@link SandboxProperties.Throttling} names the published limit behind
     * each default.
     */
    enum RouteClass {
        /** "POST /teams": 10 rps. */
        CREATE_TEAM,
        /** "GET /teams/{team-id}, joinedTeams": 30 rps. */
        GET_TEAM,
        /** "GET /teams/{team-id}/channels": 60 rps. */
        LIST_CHANNELS,
        /** "Other GET API calls for Microsoft Teams": 30 rps. */
        TEAMS_READ,
        /** "Other API calls for Microsoft Teams": 30 rps. */
        TEAMS_WRITE,
        /** Groups, users and anything else: Identity and access, 3,500 requests per 10 seconds. */
        OTHER;

        /** @param route method and route template, e.g. {@code GET /teams/{id}} */
        static RouteClass of(String route) {
            int space = route.indexOf(' ');
            String method = space < 0 ? route : route.substring(0, space);
            String template = space < 0 ? "" : route.substring(space + 1);
            boolean get = "GET".equals(method);
            if (template.equals("/teams") && "POST".equals(method)) {
                return CREATE_TEAM;
            }
            if (template.equals("/teams/{id}") && get) {
                return GET_TEAM;
            }
            if (template.equals("/teams/{id}/channels") && get) {
                return LIST_CHANNELS;
            }
            if (template.equals("/teams") || template.startsWith("/teams/")) {
                return get ? TEAMS_READ : TEAMS_WRITE;
            }
            return OTHER;
        }
    }

    /**
     * A throttled call.
     *
     * @param retryAfter how long the client must now wait
     * @param earlyRetry whether the call came before the previous Retry-After elapsed
     * @param routeClass the bucket that throttled it
     * @param limit that bucket's limit
     */
    record Throttled(Duration retryAfter, boolean earlyRetry, RouteClass routeClass, SandboxProperties.Limit limit) {
    }

    private record LaneKey(String appId, String tenantId, RouteClass routeClass) {
    }

    private final SandboxProperties.Throttling settings;
    private final Map<LaneKey, Lane> lanes = new ConcurrentHashMap<>();

    ThrottlePolicy(SandboxProperties.Throttling settings) {
        this.settings = settings;
    }

    SandboxProperties.Throttling settings() {
        return settings;
    }

    /** Takes a token for {@code caller} on {@code route}, or says why and how long it must wait. */
    Optional<Throttled> check(GraphCaller caller, String route, Instant now) {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        RouteClass routeClass = RouteClass.of(route);
        Lane lane = lanes.computeIfAbsent(
                new LaneKey(caller.throttlingAppId(), caller.throttlingTenantId(), routeClass),
                key -> new Lane(routeClass, limit(routeClass), now));
        return lane.pass(now, settings.retryAfterBase());
    }

    private SandboxProperties.Limit limit(RouteClass routeClass) {
        return switch (routeClass) {
            case CREATE_TEAM -> settings.createTeam();
            case GET_TEAM -> settings.getTeam();
            case LIST_CHANNELS -> settings.listChannels();
            case TEAMS_READ -> settings.teamsRead();
            case TEAMS_WRITE -> settings.teamsWrite();
            case OTHER -> settings.other();
        };
    }

    /** One app's bucket for one route class in one tenant, and its Retry-After block. */
    private static final class Lane {

        private final RouteClass routeClass;
        private final SandboxProperties.Limit limit;
        private final TokenBucket bucket;
        private Instant blockedUntil = Instant.MIN;

        Lane(RouteClass routeClass, SandboxProperties.Limit limit, Instant now) {
            this.routeClass = routeClass;
            this.limit = limit;
            this.bucket = new TokenBucket(limit, now);
        }

        /** Empty if the call may go on; a refused call (re)starts the block with a fresh Retry-After. */
        synchronized Optional<Throttled> pass(Instant now, Duration base) {
            boolean early = now.isBefore(blockedUntil);
            if (!early && bucket.tryTake(now)) {
                return Optional.empty();
            }
            // Graph's Retry-After says when a retry can succeed, so it is never shorter than the
            // bucket's own wait for its next token. An early retry takes no token.
            Duration untilToken = bucket.untilNextToken(now);
            Duration retryAfter = untilToken.compareTo(base) > 0 ? untilToken : base;
            blockedUntil = now.plus(retryAfter);
            return Optional.of(new Throttled(retryAfter, early, routeClass, limit));
        }
    }
}
