package org.teamsprovisioner.sandbox.tenant;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import tools.jackson.databind.node.ObjectNode;

import org.teamsprovisioner.sandbox.http.SandboxJson;

/**
 * What the fake tenant has been asked, for tests and benchmarks: the service's tests use
 * {@code tokenRequests} to prove that Graph tokens are cached, and {@code callsByRoute} to count
 * Graph calls per route template and status without parsing logs: each request inside a
 * {@code $batch} under its own route (e.g. {@code GET /users/{id} 200}), the batch itself as
 * {@code POST /$batch 200}. Resilience tests use
 * {@code throttledCalls}, {@code earlyRetries} and {@code faultsInjected} to see what the client
 * went through, and {@code teamsCreatedByDisplayName} to prove no team was created twice.
 * Counters only grow; a test that needs zeros starts a fresh sandbox.
 */
public final class SandboxCounters {

    private final LongAdder tokenRequests = new LongAdder();
    private final LongAdder tokensIssued = new LongAdder();
    private final Map<String, LongAdder> callsByRoute = new ConcurrentHashMap<>();
    private final LongAdder throttledCalls = new LongAdder();
    private final LongAdder earlyRetries = new LongAdder();
    private final Map<Integer, LongAdder> faultsInjected = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> teamsCreatedByDisplayName = new ConcurrentHashMap<>();

    /** Every request to the Entra token endpoint, whatever its outcome. */
    public void tokenRequested() {
        tokenRequests.increment();
    }

    public void tokenIssued() {
        tokensIssued.increment();
    }

    /** @param route method and route template, e.g. {@code POST /teams} */
    public void graphCall(String route, int status) {
        callsByRoute.computeIfAbsent(route + " " + status, key -> new LongAdder()).increment();
    }

    /** A 429; {@code early} when the call came before the previous Retry-After elapsed. */
    public void throttled(boolean early) {
        throttledCalls.increment();
        if (early) {
            earlyRetries.increment();
        }
    }

    public void faultInjected(int status) {
        faultsInjected.computeIfAbsent(status, key -> new LongAdder()).increment();
    }

    /** A POST /teams that Graph accepted (202), by the display name of the team it creates. */
    public void teamCreated(String displayName) {
        teamsCreatedByDisplayName.computeIfAbsent(displayName == null ? "" : displayName, key -> new LongAdder())
                .increment();
    }

    public ObjectNode toJson() {
        ObjectNode json = SandboxJson.object();
        json.put("tokenRequests", tokenRequests.sum());
        json.put("tokensIssued", tokensIssued.sum());
        ObjectNode calls = json.putObject("callsByRoute");
        // Sorted so that two snapshots of the same state serialize identically.
        new TreeMap<>(callsByRoute).forEach((route, count) -> calls.put(route, count.sum()));
        json.put("throttledCalls", throttledCalls.sum());
        json.put("earlyRetries", earlyRetries.sum());
        ObjectNode faults = json.putObject("faultsInjected");
        new TreeMap<>(faultsInjected).forEach((status, count) -> faults.put(status.toString(), count.sum()));
        ObjectNode created = json.putObject("teamsCreatedByDisplayName");
        new TreeMap<>(teamsCreatedByDisplayName).forEach((name, count) -> created.put(name, count.sum()));
        return json;
    }
}
