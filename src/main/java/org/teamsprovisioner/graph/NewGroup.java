package org.teamsprovisioner.graph;

import java.util.List;

/**
 * A Microsoft 365 group to create for a team (group-first provisioning).
 *
 * @param mailNickname unique in the tenant; derived from the request id so a retry finds the group
 *     its earlier attempt may have created
 * @param owners user object ids or UPNs
 * @param members user object ids or UPNs
 */
public record NewGroup(String displayName, String description, String mailNickname, String visibility,
        List<String> owners, List<String> members) {

    public NewGroup {
        owners = owners == null ? List.of() : List.copyOf(owners);
        members = members == null ? List.of() : List.copyOf(members);
    }
}
