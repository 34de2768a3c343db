package org.teamsprovisioner.provisioning;

import java.time.Instant;
import java.util.List;
import org.teamsprovisioner.request.TeamSpec;
import reactor.core.publisher.Mono;

/**
 * What provisioning asks of Graph to bring a team into being, and to find what an earlier POST
 * whose answer was lost may have created. Implemented by the {@code graph} adapter; every call
 * fails with {@link GraphCallFailed}.
 */
public interface TeamCreation {

    /**
     * {@code POST /groups}: a Microsoft 365 group for a team (group-first mode). Never re-sent by the
     * adapter: a failure after sending is {@linkplain GraphCallFailed#isAmbiguous() ambiguous}.
     */
    Mono<Group> createGroup(GroupToCreate group);

    /**
     * {@code POST /teams}: the team of this spec, made from {@code groupId} when given, else with its
     * group in one call. Graph accepts it at once and creates it asynchronously. Never re-sent by the
     * adapter.
     */
    Mono<Accepted> createTeam(TeamSpec spec, String groupId);

    /** A group by id; empty when the directory has no such group. */
    Mono<Group> findGroup(String groupId);

    /** Groups with this mailNickname: at most one, since nicknames are unique in a tenant. */
    Mono<List<Group>> findGroupsByMailNickname(String mailNickname);

    /** Groups with this display name, which is not unique. */
    Mono<List<Group>> findGroupsByDisplayName(String displayName);

    /**
     * A group to create.
     *
     * @param mailNickname unique in the tenant; derived from the request id so a retry finds the group
     *     its earlier attempt may have created
     * @param owners user object ids or UPNs
     * @param members user object ids or UPNs
     */
    record GroupToCreate(String displayName, String description, String mailNickname, String visibility,
            List<String> owners, List<String> members) {

        public GroupToCreate {
            owners = List.copyOf(owners);
            members = List.copyOf(members);
        }
    }

    /** @param createdAt when Graph created it; null when Graph did not say */
    record Group(String id, Instant createdAt) {
    }

    /** Graph accepted the creation: the team id is known at once, the team exists only when the operation succeeds. */
    record Accepted(String teamId, String operationId) {
    }
}
