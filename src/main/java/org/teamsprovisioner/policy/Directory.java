package org.teamsprovisioner.policy;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * What the policy reads from the directory (Entra ID, through Graph): the port the {@code graph}
 * adapter implements. Reads only; the policy never changes the directory. Failures may surface as
 * any error: the policy reports them as {@link DirectoryUnavailableException}.
 */
public interface Directory {

    /**
     * @param idsOrUserPrincipalNames object ids and user principal names, in any case
     * @return the users found, keyed by the id or name as given, in lower case; absent ones are not in the directory
     */
    Mono<Map<String, DirectoryUser>> findUsers(Collection<String> idsOrUserPrincipalNames);

    /**
     * The object ids of a group's owners, in lower case; empty when there is no such group. Never
     * from a cache: an owner removed a minute ago must not pass as one.
     */
    Mono<Optional<Set<String>>> groupOwners(String groupId);
}
