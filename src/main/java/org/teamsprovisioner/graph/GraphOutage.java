package org.teamsprovisioner.graph;

import java.util.function.Predicate;

/**
 * What the circuit breaker on Graph counts as a failure: 5xx answers and calls that got no answer.
 * A 4xx (including 429) is Graph working as designed and counts as a success, as do calls this
 * client refused itself and token failures, which are Entra ID's or the configuration's.
 * Public because Resilience4j instantiates it from {@code record-failure-predicate} in application.yml.
 */
public final class GraphOutage implements Predicate<Throwable> {

    @Override
    public boolean test(Throwable error) {
        if (!(error instanceof GraphException graph)) {
            return true;
        }
        if (graph.wasNotCalled() || GraphTokenFilter.TOKEN_REQUEST_FAILED.equals(graph.code())) {
            return false;
        }
        return graph.status() == 0 || graph.status() >= 500;
    }
}
