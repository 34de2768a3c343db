package org.teamsprovisioner.sandbox;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import tools.jackson.databind.node.ObjectNode;

/**
 * What the fake tenant has been asked, for tests and benchmarks: the service's tests use
 * {@code tokenRequests} to prove that Graph tokens are cached, and {@code callsByRoute} to count
 * Graph calls per route template and status without parsing logs.
 */
final class SandboxCounters {

    private final LongAdder tokenRequests = new LongAdder();
    private final LongAdder tokensIssued = new LongAdder();
    private final Map<String, LongAdder> callsByRoute = new ConcurrentHashMap<>();

    /** Every request to the Entra token endpoint, whatever its outcome. */
    void tokenRequested() {
        tokenRequests.increment();
    }

    void tokenIssued() {
        tokensIssued.increment();
    }

    /** @param route method and route template, e.g. {@code POST /teams} */
    void graphCall(String route, int status) {
        callsByRoute.computeIfAbsent(route + " " + status, key -> new LongAdder()).increment();
    }

    ObjectNode toJson() {
        ObjectNode json = SandboxJson.object();
        json.put("tokenRequests", tokenRequests.sum());
        json.put("tokensIssued", tokensIssued.sum());
        ObjectNode calls = json.putObject("callsByRoute");
        // Sorted so that two snapshots of the same state serialize identically.
        new TreeMap<>(callsByRoute).forEach((route, count) -> calls.put(route, count.sum()));
        return json;
    }
}
