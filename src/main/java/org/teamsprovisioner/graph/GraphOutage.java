package org.teamsprovisioner.graph;

import java.util.function.Predicate;

/**
 * What a workload's circuit breaker counts as a failure: 5xx answers and calls that got no answer.
 * A 4xx (429 included) is Graph working as designed and counts as a success. Public because
 * Resilience4j instantiates it from {@code record-failure-predicate} in application.yml.
 */
public final class GraphOutage implements Predicate<Throwable> {

    @Override
    public boolean test(Throwable error) {
        return error instanceof GraphException graph && !NotGraphsOutcome.of(graph)
                && (graph.status() == 0 || graph.status() >= 500);
    }
}
