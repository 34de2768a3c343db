package org.teamsprovisioner.sandbox.routes;

import java.time.Clock;
import java.time.Instant;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.teamsprovisioner.sandbox.createteam.CreateTeamRequest;
import org.teamsprovisioner.sandbox.createteam.TeamsAppBinds;
import org.teamsprovisioner.sandbox.http.SandboxJson;
import org.teamsprovisioner.sandbox.tenant.ChannelFolders;
import org.teamsprovisioner.sandbox.tenant.SandboxCounters;
import org.teamsprovisioner.sandbox.tenant.SandboxGroups;
import org.teamsprovisioner.sandbox.tenant.SandboxTeam;
import org.teamsprovisioner.sandbox.tenant.SandboxTeamDetails;
import org.teamsprovisioner.sandbox.tenant.SandboxTenant;
import org.teamsprovisioner.sandbox.webhooks.WebhookReceivers;

/**
 * {@code GET /sandbox/graph/_state}: a read-only window into the fake tenant for tests and
 * benchmarks, with what the webhook receiver took, so one read shows both sides of a request. Unauthenticated on purpose: it is not part of Graph and holds nothing secret.
 */
final class StateHandler {

    private final SandboxTenant tenant;
    private final SandboxCounters counters;
    private final Clock clock;
    private final SandboxGroups groups;
    private final ChannelFolders folders;
    private final WebhookReceivers webhooks;

    StateHandler(SandboxTenant tenant, SandboxCounters counters, Clock clock, SandboxGroups groups,
            ChannelFolders folders, WebhookReceivers webhooks) {
        this.tenant = tenant;
        this.counters = counters;
        this.clock = clock;
        this.groups = groups;
        this.folders = folders;
        this.webhooks = webhooks;
    }

    Mono<ServerResponse> state(ServerRequest request) {
        Instant now = clock.instant();
        ObjectNode json = SandboxJson.object();
        json.put("tenantId", tenant.tenantId());
        json.put("now", now.toString());
        ArrayNode teams = json.putArray("teams");
        for (SandboxTeam team : tenant.teams()) {
            ObjectNode entry = teams.addObject()
                    .put("id", team.id())
                    .put("displayName", team.displayName())
                    .put("template", team.template())
                    .put("operationId", team.operationId())
                    .put("status", tenant.operationAt(team, now).status().wireValue())
                    .put("createdDateTime", team.createdDateTime().toString());
            team.owners().forEach(entry.putArray("owners")::add);
            ArrayNode channels = entry.putArray("channels");
            team.channels().forEach(channel -> channels.addObject()
                    .put("displayName", channel.displayName())
                    .put("description", channel.description())
                    .put("isFavoriteByDefault", channel.isFavoriteByDefault())
                    .set("tabs", tabs(channel)));
            details(entry, team);
            tenant.request(team.id()).ifPresent(body -> entry.set("request", body));
            GroupState.teamMembers(entry.putArray("members"), groups.group(team.id()).orElse(null), team);
            folders.provisioned(team.id()).forEach(entry.putArray("provisionedFilesFolders")::add);
        }
        GroupState.groups(json.putArray("groups"), groups, tenant, now);
        json.set("counters", counters.toJson());
        // What the service's webhook sender delivered to the sandbox's receiver, by name (also at GET /sandbox/webhooks/_state).
        webhooks.write(json.putObject("webhooks"));
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(SandboxJson.write(json));
    }

    private static ArrayNode tabs(CreateTeamRequest.Channel channel) {
        ArrayNode tabs = SandboxJson.object().arrayNode();
        channel.tabs().forEach(tab -> {
            ObjectNode entry = tabs.addObject()
                    .put("teamsAppId", TeamsAppBinds.appId(tab.teamsAppBind()).orElse(null))
                    .put("displayName", tab.displayName());
            tab.configuration().forEach(entry.putObject("configuration")::put);
        });
        return tabs;
    }

    /** What a create request set beyond the basics (see {@link SandboxTeamDetails}). */
    private static void details(ObjectNode entry, SandboxTeam team) {
        SandboxTeamDetails details = team.details();
        entry.put("visibility", team.visibility())
                .put("generalChannelName", details.generalChannelName())
                .put("templateDefinition", details.templateDefinition())
                .put("teamCreationMode", details.creationMode())
                .put("classification", details.classification())
                .put("specialization", details.specialization());
        details.installedApps().forEach(entry.putArray("installedApps")::add);
        ObjectNode settings = entry.putObject("settings");
        details.settings().forEach((name, values) -> values.forEach(settings.putObject(name)::set));
    }
}
