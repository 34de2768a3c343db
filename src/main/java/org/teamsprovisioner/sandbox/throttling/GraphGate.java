package org.teamsprovisioner.sandbox.throttling;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.teamsprovisioner.sandbox.http.GraphCaller;
import org.teamsprovisioner.sandbox.http.GraphException;
import org.teamsprovisioner.sandbox.settings.SandboxProperties;
import org.teamsprovisioner.sandbox.tenant.SandboxCounters;

/**
 * What stands between an authenticated Graph call and its handling: throttling, then injected
 * faults. {@code GraphHandler} calls {@link #admit} once per request, right after authentication
 * (the throttling key comes from the token, and Graph answers 401 before it counts anything)
 * and before anything is read or changed, so a refused POST /teams creates nothing.
 */
public final class GraphGate {

    private final ThrottlePolicy throttle;
    private final FaultInjector faults;
    private final SandboxCounters counters;

    GraphGate(ThrottlePolicy throttle, FaultInjector faults, SandboxCounters counters) {
        this.throttle = throttle;
        this.faults = faults;
        this.counters = counters;
    }

    public static GraphGate create(SandboxProperties properties, SandboxCounters counters) {
        return new GraphGate(new ThrottlePolicy(properties.throttling()), new FaultInjector(properties.faults()),
                counters);
    }

    /**
     * Lets the call go on, or throws the Graph error that answers it instead.
     *
     * @param route method and route template, e.g. {@code POST /teams}
     * @throws GraphException 429 when throttled, 503 or 504 when a fault is injected
     */
    public void admit(GraphCaller caller, String route, Instant now) {
        throttle.check(caller, route, now).ifPresent(throttled -> {
            counters.throttled(throttled.earlyRetry());
            throw GraphException.tooManyRequests(message(throttled, route),
                    RetryAfterFormat.format(throttle.settings().retryAfter(), throttled.retryAfter(), now));
        });
        faults.fault(route).ifPresent(status -> {
            counters.faultInjected(status.value());
            throw status == HttpStatus.SERVICE_UNAVAILABLE
                    ? GraphException.serviceUnavailable("The service is temporarily unavailable. Please retry later."
                            + " (Fault injected by the sandbox: provisioner.sandbox.faults.)")
                    : GraphException.gatewayTimeout("The gateway did not receive a timely response from the service."
                            + " (Fault injected by the sandbox: provisioner.sandbox.faults.)");
        });
    }

    /** How long to hold back the next response; zero unless latency is configured. */
    public Duration latency(String route) {
        return faults.latency(route);
    }

    /**
     * Graph's throttling message ("Please retry again later.") plus which limit was hit, so that
     * a developer can tell the sandbox's throttling from a bug without reading its source.
     */
    private static String message(ThrottlePolicy.Throttled throttled, String route) {
        if (throttled.earlyRetry()) {
            return "Application is over its resource limit: " + route + " was called again before the Retry-After"
                    + " of the previous 429 elapsed, which restarts the wait. Please retry again later.";
        }
        return "Application is over its resource limit for " + route + ": " + throttled.limit()
                + " per app per tenant (provisioner.sandbox.throttling."
                + throttled.routeClass().name().toLowerCase(Locale.ROOT).replace('_', '-')
                + "). Please retry again later.";
    }
}
