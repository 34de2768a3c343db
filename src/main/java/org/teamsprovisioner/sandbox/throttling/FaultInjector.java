package org.teamsprovisioner.sandbox.throttling;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.teamsprovisioner.sandbox.settings.SandboxProperties;

/**
 * Decides, reproducibly from a seed, which Graph calls fail with a transient 503/504 and how long
 * each response is delayed. Graph documents both statuses as transient ("Microsoft Graph error
 * responses and resource types"); the sandbox sends them without Retry-After so that clients
 * must fall back to their own backoff.
 *
 * <p>Faults and latencies draw from two separate generators, so that turning latency on or off
 * does not change which calls fault. Each decision is one synchronized draw: the same seed and the
 * same sequence of calls give the same faults, whatever thread serves them.
 */
final class FaultInjector {

    /** Any constant works; it only keeps the latency stream apart from the fault stream. */
    private static final long LATENCY_STREAM = 0x6C617465L;

    private final double rate;
    private final Set<String> routes;
    private final long latencyMinNanos;
    private final long latencyMaxNanos;
    private final Random faults;
    private final Random latencies;

    FaultInjector(SandboxProperties.Faults settings) {
        this.rate = settings.rate();
        this.routes = Set.copyOf(settings.routes().stream().map(FaultInjector::normalize).toList());
        this.latencyMinNanos = settings.latencyMin().toNanos();
        this.latencyMaxNanos = settings.latencyMax().toNanos();
        this.faults = new Random(settings.seed());
        this.latencies = new Random(settings.seed() ^ LATENCY_STREAM);
    }

    /** @param route method and route template, e.g. {@code POST /teams} */
    Optional<HttpStatus> fault(String route) {
        if (rate <= 0 || !(routes.isEmpty() || routes.contains(normalize(route)))) {
            return Optional.empty(); // No draw: calls that cannot fault leave the sequence alone.
        }
        synchronized (faults) {
            if (faults.nextDouble() >= rate) {
                return Optional.empty();
            }
            return Optional.of(faults.nextBoolean() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.GATEWAY_TIMEOUT);
        }
    }

    /**
     * The delay for the next response of {@code route}, uniform in [latencyMin, latencyMax]; zero
     * when both are, or when {@code routes} is set and does not list it (so a test can slow down
     * only the calls it studies).
     */
    Duration latency(String route) {
        if (latencyMaxNanos <= 0 || !(routes.isEmpty() || routes.contains(normalize(route)))) {
            return Duration.ZERO;
        }
        if (latencyMaxNanos == latencyMinNanos) {
            return Duration.ofNanos(latencyMinNanos);
        }
        synchronized (latencies) {
            return Duration.ofNanos(latencies.nextLong(latencyMinNanos, latencyMaxNanos + 1));
        }
    }

    /** "post  /teams" and "POST /teams" name the same route. */
    private static String normalize(String route) {
        String[] parts = route.strip().split("\\s+", 2);
        return parts.length < 2 ? parts[0].toUpperCase(Locale.ROOT)
                : parts[0].toUpperCase(Locale.ROOT) + " " + parts[1];
    }
}
