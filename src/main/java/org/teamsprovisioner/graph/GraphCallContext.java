package org.teamsprovisioner.graph;

import java.util.Optional;
import org.teamsprovisioner.provisioning.GraphWorkload;
import org.teamsprovisioner.provisioning.TeamRequestContext;
import reactor.util.context.ContextView;

/**
 * What a Graph call is made for, carried in the Reactor context rather than a thread-local: a call's
 * answer arrives on whichever event-loop thread Netty picks, so a log line written there could not
 * see the job thread's MDC. The team request is put there by provisioning ({@link TeamRequestContext}),
 * the workload by {@link GraphGuards}.
 */
final class GraphCallContext {

    static final String TEAM_REQUEST_ID = TeamRequestContext.TEAM_REQUEST_ID;
    static final String WORKLOAD = GraphWorkload.class.getName();

    private GraphCallContext() {
    }

    static Optional<String> teamRequestId(ContextView context) {
        return TeamRequestContext.teamRequestId(context);
    }

    static Optional<GraphWorkload> workload(ContextView context) {
        return context.getOrEmpty(WORKLOAD);
    }
}
