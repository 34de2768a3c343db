package org.teamsprovisioner.sandbox.teams;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.teamsprovisioner.sandbox.http.GraphCaller;
import org.teamsprovisioner.sandbox.http.GraphException;
import org.teamsprovisioner.sandbox.http.GraphExchange;
import org.teamsprovisioner.sandbox.http.GraphRequest;
import org.teamsprovisioner.sandbox.http.GraphResource;
import org.teamsprovisioner.sandbox.http.GraphResponse;
import org.teamsprovisioner.sandbox.settings.SandboxProperties;
import org.teamsprovisioner.sandbox.tenant.OperationTimeline;
import org.teamsprovisioner.sandbox.tenant.SandboxCounters;
import org.teamsprovisioner.sandbox.tenant.SandboxDirectory;
import org.teamsprovisioner.sandbox.tenant.SandboxGroups;
import org.teamsprovisioner.sandbox.tenant.SandboxTeam;
import org.teamsprovisioner.sandbox.tenant.SandboxTenant;

/**
 * Create team ({@code POST /teams}), Get team and Get teamsAsyncOperation: a team's life from the
 * 202 to the operation that brings it to life. The caller has been authenticated, admitted by the
 * gate and checked for the permission; what is left is the request and the tenant's state.
 */
public final class TeamsHandler {

    private static final Logger log = LoggerFactory.getLogger(TeamsHandler.class);

    private final SandboxTenant tenant;
    private final TeamCreation teamCreation;
    private final SandboxCounters counters;
    private final PollRetryAfter pollRetryAfter;

    public TeamsHandler(SandboxTenant tenant, SandboxDirectory directory, SandboxGroups groups, SandboxCounters counters,
            SandboxProperties properties) {
        this.tenant = tenant;
        this.teamCreation = new TeamCreation(tenant, directory, groups);
        this.counters = counters;
        this.pollRetryAfter = PollRetryAfter.of(properties);
    }

    public Mono<GraphResponse> create(GraphRequest request, GraphExchange exchange, GraphCaller caller) {
        request.requireJson();
        return request.body()
                .defaultIfEmpty("")
                .map(body -> {
                    SandboxTeam team = teamCreation.create(GraphRequest.readJson(body), caller, exchange.now());
                    counters.teamCreated(team.displayName());
                    log.debug("Sandbox team {} '{}' requested by app {}", team.id(), team.displayName(), caller.appId());
                    return team;
                })
                .flatMap(team -> exchange.accepted(team.operationLocation(), team.location()));
    }

    /** Graph does not serve a team while its createTeam operation is still running (or failed). */
    public Mono<GraphResponse> get(String teamId, GraphExchange exchange) {
        SandboxTeam team = tenant.team(teamId)
                .filter(candidate -> tenant.operationAt(candidate, exchange.now()).succeeded())
                .orElseThrow(() -> GraphException.notFound("No team found with Group Id " + teamId));
        return exchange.ok(GraphRepresentations.team(team, tenant.tenantId(), exchange.version()));
    }

    public Mono<GraphResponse> operation(GraphResource.TeamOperation operation, GraphExchange exchange) {
        SandboxTeam team = tenant.operation(operation.teamId(), operation.operationId())
                .orElseThrow(() -> GraphException.notFound("No operation '" + operation.operationId()
                        + "' found for team '" + operation.teamId() + "'."));
        OperationTimeline.Snapshot snapshot = tenant.operationAt(team, exchange.now());
        return exchange.ok(GraphRepresentations.operation(team, snapshot, tenant.timeline().failureMarker(),
                exchange.version()), pollRetryAfter.headers(snapshot, exchange.now()));
    }
}
