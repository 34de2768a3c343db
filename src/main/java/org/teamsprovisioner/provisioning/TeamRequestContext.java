package org.teamsprovisioner.provisioning;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Which team request the work inside a Mono is for, carried in the Reactor context rather than a
 * thread-local: a Graph call's answer arrives on whichever event-loop thread Netty picks, so a log
 * line written there could not see the job thread's MDC. The {@code graph} adapter reads it to put
 * the request id on its per-call log lines.
 */
public final class TeamRequestContext {

    /** The context key, and the key of the request id in structured logs. */
    public static final String TEAM_REQUEST_ID = "teamRequestId";

    private TeamRequestContext() {
    }

    /** Marks everything inside the Mono it is written to as done for this team request. */
    static Function<Context, Context> forTeamRequest(UUID teamRequestId) {
        return context -> context.put(TEAM_REQUEST_ID, teamRequestId.toString());
    }

    public static Optional<String> teamRequestId(ContextView context) {
        return context.getOrEmpty(TEAM_REQUEST_ID);
    }
}
