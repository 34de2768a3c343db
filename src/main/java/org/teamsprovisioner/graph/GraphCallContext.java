package org.teamsprovisioner.graph;

import java.util.Optional;
import java.util.function.Function;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * What a Graph call is made for, carried in the Reactor context rather than a thread-local: a call's
 * answer arrives on whichever event-loop thread Netty picks, so a log line written there could not
 * see the job thread's MDC.
 */
public final class GraphCallContext {

    static final String TEAM_REQUEST_ID = "teamRequestId";
    static final String WORKLOAD = GraphWorkload.class.getName();

    private GraphCallContext() {
    }

    /** Marks every Graph call made inside the Mono it is written to as made for this team request. */
    public static Function<Context, Context> forTeamRequest(Object teamRequestId) {
        return context -> context.put(TEAM_REQUEST_ID, teamRequestId.toString());
    }

    static Optional<String> teamRequestId(ContextView context) {
        return context.getOrEmpty(TEAM_REQUEST_ID);
    }

    static Optional<GraphWorkload> workload(ContextView context) {
        return context.getOrEmpty(WORKLOAD);
    }
}
