package org.teamsprovisioner.graph;

import java.util.function.Predicate;

/**
 * What a workload's circuit breaker ignores, counting it neither way: a failed token request is
 * Entra ID's or the configuration's trouble, not Graph's. Calls this client refused itself never
 * reach a breaker at all. Public for {@code ignore-exception-predicate} in application.yml.
 */
public final class NotGraphsOutcome implements Predicate<Throwable> {

    @Override
    public boolean test(Throwable error) {
        return !(error instanceof GraphException graph) || of(graph);
    }

    static boolean of(GraphException error) {
        return GraphTokenFilter.TOKEN_REQUEST_FAILED.equals(error.code()) || error.wasNotCalled();
    }
}
