package org.teamsprovisioner.sandbox.tenant;

import tools.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.teamsprovisioner.sandbox.createteam.CreateTeamRequest;
import org.teamsprovisioner.sandbox.createteam.CreateTeamRules;
import org.teamsprovisioner.sandbox.createteam.TeamPropertyRules;
import org.teamsprovisioner.sandbox.http.ODataPath;

/**
 * The fake tenant's state: its teams and their operations, in memory and safe for concurrent
 * requests. Graph ids are GUIDs that Graph matches case-insensitively, so lookups are too.
 */
public final class SandboxTenant {

    private final String tenantId;
    private final OperationTimeline timeline;
    private final Map<String, SandboxTeam> teams = new ConcurrentHashMap<>();
    // The POST /teams body each team was created from, so tests can compare what a client sent.
    private final Map<String, JsonNode> requests = new ConcurrentHashMap<>();

    public SandboxTenant(String tenantId, OperationTimeline timeline) {
        this.tenantId = tenantId;
        this.timeline = timeline;
    }

    public String tenantId() {
        return tenantId;
    }

    public OperationTimeline timeline() {
        return timeline;
    }

    public SandboxTeam createTeam(CreateTeamRequest request, Instant now) {
        return createTeam(UUID.randomUUID().toString(), request, now);
    }

    /**
     * @param id the new team's id: a new GUID, or the group's id when a group becomes a team
     *        (a team and its group share one id in Graph); replaces a failed earlier attempt
     */
    public SandboxTeam createTeam(String id, CreateTeamRequest request, Instant now) {
        String visibility = TeamPropertyRules.CLASS_TEMPLATE.equals(TeamPropertyRules.baseTemplate(request))
                ? "hiddenMembership" // The class template's visibility "cannot be overridden" (Teams templates doc).
                : request.visibility() == null
                        ? "public" // The team resource: visibility "Defaults to Public".
                        : TeamPropertyRules.visibility(request.visibility());
        SandboxTeam team = new SandboxTeam(
                id.toLowerCase(Locale.ROOT),
                UUID.randomUUID().toString(),
                request.displayName(),
                request.description(),
                visibility,
                ODataPath.bindKey(request.templateBind(), "teamsTemplates").orElse(null),
                "19:" + UUID.randomUUID().toString().replace("-", "") + "@thread.tacv2",
                now,
                timeline.fails(request.displayName()),
                CreateTeamRules.owners(request),
                request.channels(),
                SandboxTeamDetails.from(request));
        teams.put(team.id(), team);
        return team;
    }

    public void recordRequest(SandboxTeam team, JsonNode body) {
        requests.put(team.id(), body.deepCopy());
    }

    public Optional<JsonNode> request(String teamId) {
        return Optional.ofNullable(requests.get(teamId.toLowerCase(Locale.ROOT)));
    }

    public Optional<SandboxTeam> team(String id) {
        return Optional.ofNullable(teams.get(id.toLowerCase(Locale.ROOT)));
    }

    /** Deleting a group deletes its team. */
    public Optional<SandboxTeam> removeTeam(String id) {
        return Optional.ofNullable(teams.remove(id.toLowerCase(Locale.ROOT)));
    }

    public Optional<SandboxTeam> operation(String teamId, String operationId) {
        return team(teamId).filter(team -> team.operationId().equalsIgnoreCase(operationId));
    }

    public OperationTimeline.Snapshot operationAt(SandboxTeam team, Instant now) {
        return timeline.at(team.createdAt(), team.failing(), now);
    }

    public List<SandboxTeam> teams() {
        return teams.values().stream().sorted(Comparator.comparing(SandboxTeam::createdAt).thenComparing(SandboxTeam::id)).toList();
    }
}
