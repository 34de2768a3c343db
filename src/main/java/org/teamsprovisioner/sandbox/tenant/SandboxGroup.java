package org.teamsprovisioner.sandbox.tenant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A group of the fake tenant. Immutable: membership changes replace the record in
 * {@link SandboxGroups}. Membership is kept here and only here, because in Graph a team's
 * membership is its group's membership ("Microsoft Teams is represented by a group resource").
 *
 * @param id object id, also the id of the group's team if it gets one
 * @param displayName as created
 * @param description as created, may be {@code null}
 * @param mailNickname unique (case-insensitively) among Microsoft 365 groups
 * @param mail the SMTP address, {@code null} for a security group
 * @param visibility {@code Public} or {@code Private}; {@code null} for a security group
 * @param unified whether it is a Microsoft 365 group ({@code groupTypes: ["Unified"]})
 * @param securityEnabled as created
 * @param createdAt when it was created
 * @param replicatedAt when the Teams backend starts to see it (see {@link SandboxGroups})
 * @param owners owner object ids, in the order they were added
 * @param members member object ids, in the order they were added; owners are members only if
 *        added as such
 */
public record SandboxGroup(
        String id,
        String displayName,
        String description,
        String mailNickname,
        String mail,
        String visibility,
        boolean unified,
        boolean securityEnabled,
        Instant createdAt,
        Instant replicatedAt,
        List<String> owners,
        List<String> members) {

    public SandboxGroup {
        owners = List.copyOf(owners);
        members = List.copyOf(members);
    }

    public List<String> groupTypes() {
        return unified ? List.of("Unified") : List.of();
    }

    public boolean isOwner(String userId) {
        return owners.stream().anyMatch(userId::equalsIgnoreCase);
    }

    boolean isMember(String userId) {
        return members.stream().anyMatch(userId::equalsIgnoreCase);
    }

    /** Adds a member (and, with {@code owner}, an owner); adding someone twice changes nothing. */
    public SandboxGroup withMember(String userId, boolean owner) {
        List<String> newMembers = new ArrayList<>(members);
        if (!isMember(userId)) {
            newMembers.add(userId);
        }
        List<String> newOwners = new ArrayList<>(owners);
        if (owner && !isOwner(userId)) {
            newOwners.add(userId);
        }
        return new SandboxGroup(id, displayName, description, mailNickname, mail, visibility, unified,
                securityEnabled, createdAt, replicatedAt, newOwners, newMembers);
    }
}
