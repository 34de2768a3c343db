package org.teamsprovisioner.sandbox.tenant;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.teamsprovisioner.sandbox.createteam.ChannelRules;
import org.teamsprovisioner.sandbox.createteam.CreateTeamRequest;
import org.teamsprovisioner.sandbox.createteam.CreateTeamRules;
import org.teamsprovisioner.sandbox.createteam.MigrationRules;
import org.teamsprovisioner.sandbox.createteam.TeamPropertyRules;
import org.teamsprovisioner.sandbox.createteam.TeamsAppBinds;
import org.teamsprovisioner.sandbox.createteam.TemplateDefinitions;

/**
 * What a Create team request set beyond a team's basics, kept for the reads that follow (Get
 * team, {@code _state}). Immutable, like {@link SandboxTeam}.
 *
 * @param generalChannelName the display name of the team's first channel: {@code firstChannelName}
 *        or "General"
 * @param templateDefinition the decoded template definition id ({@code templateId##audience##locale})
 *        when the team was created from one, else {@code null}
 * @param creationMode {@code migration} for a team created in migration mode, else {@code null}
 * @param importedCreatedDateTime the {@code createdDateTime} a migration team was given, else {@code null}
 * @param classification as requested, may be {@code null}
 * @param specialization as requested, in its documented spelling, may be {@code null}
 * @param settings the settings objects as requested, enumeration values in lower case
 * @param installedApps the app ids of {@code installedApps}, in request order
 */
public record SandboxTeamDetails(
        String generalChannelName,
        String templateDefinition,
        String creationMode,
        Instant importedCreatedDateTime,
        String classification,
        String specialization,
        Map<String, Map<String, JsonNode>> settings,
        List<String> installedApps) {

    /** A team whose request set none of these, e.g. one created from a group. */
    static final SandboxTeamDetails NONE =
            new SandboxTeamDetails(ChannelRules.GENERAL, null, null, null, null, null, Map.of(), List.of());

    public SandboxTeamDetails {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        installedApps = List.copyOf(installedApps);
    }

    /** @param request a request that passed {@link CreateTeamRules} */
    static SandboxTeamDetails from(CreateTeamRequest request) {
        Map<String, Map<String, JsonNode>> settings = new LinkedHashMap<>();
        request.settings().forEach((name, values) -> {
            Map<String, JsonNode> normalized = new LinkedHashMap<>();
            values.forEach((property, value) -> normalized.put(property, TeamPropertyRules.normalized(property, value)));
            settings.put(name, Collections.unmodifiableMap(normalized));
        });
        return new SandboxTeamDetails(
                ChannelRules.generalChannelName(request),
                request.templateDefinitionBind() == null ? null
                        : TemplateDefinitions.parse(request.templateDefinitionBind()).map(TemplateDefinitions.Definition::id)
                                .orElse(null),
                request.creationMode(),
                MigrationRules.migrationCreatedDateTime(request).orElse(null),
                request.classification(),
                TeamPropertyRules.canonicalSpecialization(request.specialization()),
                settings,
                request.installedApps().stream().map(bind -> TeamsAppBinds.appId(bind).orElse(bind)).toList());
    }
}
