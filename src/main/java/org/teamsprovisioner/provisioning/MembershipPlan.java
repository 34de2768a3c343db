package org.teamsprovisioner.provisioning;

import java.util.ArrayList;
import java.util.List;
import org.teamsprovisioner.request.TeamSpec;

/**
 * Who goes into the create call and who is added once the team exists, for each way a team is
 * made: a direct {@code POST /teams} carries everyone; {@code POST /groups} (group-first) carries at
 * most 20 owners and members together, owners first; a team from an existing group gets its members
 * from the group, so everyone the request names is added afterwards. The steps that create
 * ({@link CreateGroupInGraph}), read ({@link ReadCreatedTeam}) and add ({@link AddMembersToTeam})
 * all ask this plan, so they cannot disagree.
 */
record MembershipPlan(List<String> groupOwners, List<String> groupMembers, List<Membership> afterCreate) {

    // Graph takes at most 20 owners and members together in the create-group call.
    static final int MAX_MEMBERS_IN_CREATE_GROUP = 20;
    // Graph's limit per members/add call.
    static final int ADD_CHUNK = 200;

    /** @param owner added with the owner role */
    record Membership(String user, boolean owner) {
    }

    static MembershipPlan of(TeamSpec spec) {
        List<String> nonOwners = spec.members().stream().filter(member -> !spec.owners().contains(member)).toList();
        List<String> groupOwners = spec.owners().stream().limit(MAX_MEMBERS_IN_CREATE_GROUP).toList();
        List<String> groupMembers = nonOwners.stream().limit(Math.max(0, MAX_MEMBERS_IN_CREATE_GROUP - groupOwners.size())).toList();
        List<Membership> after = new ArrayList<>();
        if (spec.existingGroupId() != null) {
            spec.owners().forEach(owner -> after.add(new Membership(owner, true)));
            nonOwners.forEach(member -> after.add(new Membership(member, false)));
        } else if (spec.createsGroupFirst()) {
            spec.owners().stream().skip(groupOwners.size()).forEach(owner -> after.add(new Membership(owner, true)));
            nonOwners.stream().skip(groupMembers.size()).forEach(member -> after.add(new Membership(member, false)));
        }
        return new MembershipPlan(groupOwners, groupMembers, List.copyOf(after));
    }

    boolean hasMembersToAdd() {
        return !afterCreate.isEmpty();
    }

    /** The next {@code members/add} call, after {@code added} of {@link #afterCreate}; its users are empty when all are in. */
    Chunk nextChunk(int added) {
        int from = Math.min(added, afterCreate.size());
        List<Membership> users = afterCreate.subList(from, Math.min(afterCreate.size(), from + ADD_CHUNK));
        return new Chunk(users, from + users.size());
    }

    /** @param addedAfter how many of {@link #afterCreate} are in once this chunk is */
    record Chunk(List<Membership> users, int addedAfter) {

        List<String> owners() {
            return users.stream().filter(Membership::owner).map(Membership::user).toList();
        }

        List<String> members() {
            return users.stream().filter(m -> !m.owner()).map(Membership::user).toList();
        }
    }
}
