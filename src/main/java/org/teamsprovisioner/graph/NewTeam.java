package org.teamsprovisioner.graph;

import java.util.List;
import java.util.Map;

/**
 * What to create, in the provisioner's terms; {@link TeamBodies} turns it into the
 * JSON Graph expects.
 *
 * @param groupId when set, the team is created from this existing Microsoft 365 group
 *     ({@code group@odata.bind}); Graph then takes name, visibility and members from the group.
 * @param owners user object ids or UPNs
 * @param members user object ids or UPNs
 * @param settings team settings by Graph group name ({@code memberSettings}, ...) and property
 * @param installedApps Teams app catalog ids
 */
public record NewTeam(
        String templateId,
        String displayName,
        String description,
        String visibility,
        List<String> owners,
        List<String> members,
        List<NewChannel> channels,
        String groupId,
        Map<String, Map<String, Object>> settings,
        List<String> installedApps) {

    public NewTeam {
        owners = owners == null ? List.of() : List.copyOf(owners);
        members = members == null ? List.of() : List.copyOf(members);
        channels = channels == null ? List.of() : List.copyOf(channels);
        settings = settings == null ? Map.of() : settings;
        installedApps = installedApps == null ? List.of() : List.copyOf(installedApps);
    }

    public record NewChannel(String displayName, String description, boolean favoriteByDefault) {
    }
}
