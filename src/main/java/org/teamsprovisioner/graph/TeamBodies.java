package org.teamsprovisioner.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.teamsprovisioner.request.TeamSpec;

/**
 * What a spec becomes in Graph's terms: the one mapping from a team request to the {@code POST /teams}
 * body, used by provisioning's adapter to send it and by the API's preview to show it.
 */
public class TeamBodies {

    private static final String MEMBER_TYPE = "#microsoft.graph.aadUserConversationMember";

    private final String root;

    /** @param root Graph's version root, such as {@code https://graph.microsoft.com/v1.0}, which binds point into */
    TeamBodies(String root) {
        this.root = root;
    }

    /** The exact {@code POST /teams} body provisioning sends for this (approved) spec, bound to its existing group if it names one. */
    public TeamBody bodyFor(TeamSpec spec) {
        return bodyFor(spec, spec.existingGroupId());
    }

    /** @param groupId the group the team is made from; null to create team and group in one call */
    TeamBody bodyFor(TeamSpec spec, String groupId) {
        return bodyFor(newTeam(spec, groupId));
    }

    static NewTeam newTeam(TeamSpec spec, String groupId) {
        return new NewTeam(spec.template(), spec.displayName(), spec.description(), spec.visibility(), spec.owners(),
                spec.members(),
                spec.channels().stream()
                        .map(c -> new NewTeam.NewChannel(c.displayName(), c.description(), c.favoriteByDefault()))
                        .toList(),
                groupId, spec.settings(), spec.installedApps());
    }

    TeamBody bodyFor(NewTeam team) {
        List<TeamBody.Channel> channels = team.channels().stream()
                .map(c -> new TeamBody.Channel(c.displayName(), c.description(), c.favoriteByDefault()))
                .toList();
        List<TeamBody.InstalledApp> apps = team.installedApps().stream()
                .map(app -> new TeamBody.InstalledApp(root + "/appCatalogs/teamsApps(" + GraphUris.key(app) + ")"))
                .toList();
        Map<String, Map<String, Object>> settings = team.settings();
        String template = bind("teamsTemplates", team.templateId());
        if (team.groupId() != null) {
            // Graph takes the name, visibility and members from the group and rejects them here.
            return new TeamBody(template, bind("groups", team.groupId()), null, null, null, null, channels,
                    settings.get("memberSettings"), settings.get("guestSettings"), settings.get("funSettings"),
                    settings.get("messagingSettings"), settings.get("discoverySettings"), apps);
        }
        List<TeamBody.Member> members = new ArrayList<>();
        team.owners().forEach(owner -> members.add(new TeamBody.Member(MEMBER_TYPE, List.of("owner"), bind("users", owner))));
        team.members().stream()
                .filter(member -> !team.owners().contains(member))
                .forEach(member -> members.add(new TeamBody.Member(MEMBER_TYPE, List.of(), bind("users", member))));
        return new TeamBody(template, null, team.displayName(), team.description(), team.visibility(), members, channels,
                settings.get("memberSettings"), settings.get("guestSettings"), settings.get("funSettings"),
                settings.get("messagingSettings"), settings.get("discoverySettings"), apps);
    }

    private String bind(String collection, String id) {
        return GraphUris.bind(root, collection, id);
    }
}
