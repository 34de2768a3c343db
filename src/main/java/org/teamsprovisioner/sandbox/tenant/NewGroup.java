package org.teamsprovisioner.sandbox.tenant;

/**
 * A group as POST /groups asks for it, once its body has been checked: everything the tenant needs
 * to create it except its owners and members, which the directory resolves first.
 *
 * @param visibility {@code Public} or {@code Private} for a Microsoft 365 group, {@code null} for
 *        a security group
 * @param unified whether it is a Microsoft 365 group ({@code groupTypes: ["Unified"]})
 */
public record NewGroup(String displayName, String description, String mailNickname, boolean unified,
        boolean securityEnabled, String visibility) {
}
