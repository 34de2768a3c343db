package org.teamsprovisioner.graph;

import org.teamsprovisioner.provisioning.GraphCallFailed;
import org.teamsprovisioner.provisioning.GraphCallFailed.Kind;

/** Graph's errors, told to provisioning in its own terms at the edge: step logic never sees HTTP. */
final class GraphCallFailures {

    private GraphCallFailures() {
    }

    static GraphCallFailed of(GraphException error) {
        return new GraphCallFailed(kindOf(error), error.isAmbiguous(), error.retryAfter().orElse(null), error.status(),
                error.code(), error.summary(), error.getMessage(), error);
    }

    private static Kind kindOf(GraphException error) {
        // In this order: an open breaker answers 503, which is transient, but waiting it out costs no try.
        if (error.isPostponement()) {
            return Kind.POSTPONED;
        }
        if (error.isTransient()) {
            return Kind.TRANSIENT;
        }
        if (error.isNotFound()) {
            return Kind.NOT_FOUND;
        }
        return error.status() == 409 ? Kind.CONFLICT : Kind.REFUSED;
    }
}
