package org.teamsprovisioner.sandbox.routes;

import java.time.Clock;

import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.teamsprovisioner.sandbox.directory.DirectoryHandler;
import org.teamsprovisioner.sandbox.entra.EntraKeysHandler;
import org.teamsprovisioner.sandbox.entra.EntraTokenHandler;
import org.teamsprovisioner.sandbox.entra.GraphAuthenticator;
import org.teamsprovisioner.sandbox.entra.SandboxIssuer;
import org.teamsprovisioner.sandbox.entra.UserTokenHandler;
import org.teamsprovisioner.sandbox.settings.SandboxProperties;
import org.teamsprovisioner.sandbox.teams.TeamPartsHandler;
import org.teamsprovisioner.sandbox.teams.TeamsHandler;
import org.teamsprovisioner.sandbox.tenant.ChannelFolders;
import org.teamsprovisioner.sandbox.tenant.OperationTimeline;
import org.teamsprovisioner.sandbox.tenant.SandboxCounters;
import org.teamsprovisioner.sandbox.tenant.SandboxDirectory;
import org.teamsprovisioner.sandbox.tenant.SandboxGroups;
import org.teamsprovisioner.sandbox.tenant.SandboxTenant;
import org.teamsprovisioner.sandbox.throttling.GraphGate;
import org.teamsprovisioner.sandbox.webhooks.WebhookReceivers;
import org.teamsprovisioner.sandbox.webhooks.WebhooksHandler;

/**
 * Builds the simulator's {@link RouterFunction} from its collaborators. A plain class rather
 * than Spring wiring so that tests can serve the router over real HTTP without an application
 * context (see the Sandbox*HttpTest classes).
 */
public final class SandboxRoutes {

    static final String USER_TOKEN_PATH = "/sandbox/token";
    static final String ENTRA_TOKEN_PATH = "/sandbox/login/{tenant}/oauth2/v2.0/token";
    static final String ENTRA_KEYS_PATH = "/sandbox/login/{tenant}/discovery/v2.0/keys";
    static final String STATE_PATH = "/sandbox/graph/_state";
    static final String WEBHOOKS = "/sandbox/webhooks";
    public static final String GRAPH_V1 = "/sandbox/graph/v1.0";
    public static final String GRAPH_BETA = "/sandbox/graph/beta";

    private final UserTokenHandler userTokens;
    private final EntraTokenHandler entraTokens;
    private final GraphHandler graph;
    private final StateHandler state;
    private final EntraKeysHandler keys;
    private final WebhooksHandler webhooks;

    SandboxRoutes(UserTokenHandler userTokens, EntraTokenHandler entraTokens, GraphHandler graph, StateHandler state,
            EntraKeysHandler keys, WebhooksHandler webhooks) {
        this.userTokens = userTokens;
        this.entraTokens = entraTokens;
        this.graph = graph;
        this.state = state;
        this.keys = keys;
        this.webhooks = webhooks;
    }

    /** Wires a fresh, empty fake tenant whose tokens {@code issuer} signs. */
    public static SandboxRoutes create(SandboxProperties properties, SandboxIssuer issuer, Clock clock) {
        SandboxCounters counters = new SandboxCounters();
        SandboxTenant tenant = new SandboxTenant(properties.tenantId(), new OperationTimeline(properties.operations()));
        SandboxDirectory directory = new SandboxDirectory(properties.directory());
        SandboxGroups groups = new SandboxGroups(properties.groups(), directory, clock.instant());
        ChannelFolders folders = new ChannelFolders();
        WebhookReceivers receivers = new WebhookReceivers(properties.webhooks());
        return new SandboxRoutes(
                new UserTokenHandler(properties, issuer, directory, clock),
                new EntraTokenHandler(properties, issuer, counters, clock),
                new GraphHandler(new GraphAuthenticator(issuer), counters, clock,
                        GraphGate.create(properties, counters),
                        new TeamsHandler(tenant, directory, groups, counters, properties),
                        new DirectoryHandler(tenant, directory, groups, folders),
                        new TeamPartsHandler(tenant, directory, groups, folders)),
                new StateHandler(tenant, counters, clock, groups, folders, receivers),
                new EntraKeysHandler(issuer),
                new WebhooksHandler(receivers, properties.webhooks(), clock));
    }

    public RouterFunction<ServerResponse> router() {
        // Graph's OData key segments (teams('id')) are not PathPattern material, so each version
        // prefix is routed wholesale and GraphHandler parses the rest itself.
        return RouterFunctions.route()
                .POST(USER_TOKEN_PATH, userTokens::issue)
                .POST(ENTRA_TOKEN_PATH, entraTokens::token)
                .GET(ENTRA_KEYS_PATH, keys::keys)
                .GET(STATE_PATH, state::state)
                // _state before {name}: receiver names never start with '_', so the two cannot clash.
                .GET(WEBHOOKS + "/_state", webhooks::state)
                .POST(WEBHOOKS + "/{name}", webhooks::receive)
                .GET(WEBHOOKS + "/{name}", webhooks::receiver)
                .DELETE(WEBHOOKS + "/{name}", webhooks::delete)
                .PUT(WEBHOOKS + "/{name}/_behaviour", webhooks::putBehaviour)
                .DELETE(WEBHOOKS + "/{name}/_behaviour", webhooks::deleteBehaviour)
                .PUT(WEBHOOKS + "/{name}/_secret", webhooks::putSecret)
                .DELETE(WEBHOOKS + "/{name}/_secret", webhooks::deleteSecret)
                .route(RequestPredicates.path(WEBHOOKS + "/**"), webhooks::unmatched)
                .route(RequestPredicates.path(GRAPH_V1 + "/**"), request -> graph.handle(request, "v1.0"))
                .route(RequestPredicates.path(GRAPH_BETA + "/**"), request -> graph.handle(request, "beta"))
                .build();
    }
}
