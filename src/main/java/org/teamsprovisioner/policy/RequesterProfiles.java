package org.teamsprovisioner.policy;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.teamsprovisioner.graph.DirectoryReader;
import org.teamsprovisioner.graph.DirectoryUser;
import reactor.core.publisher.Mono;

/** The requester's directory profile, for the naming policy's attributes: by object id, else by sign-in name. */
@Component
class RequesterProfiles {

    private final DirectoryReader directory;

    RequesterProfiles(DirectoryReader directory) {
        this.directory = directory;
    }

    Mono<Optional<DirectoryUser>> of(Requester requester) {
        return directory.findUsers(java.util.List.of(requester.id()))
                .onErrorMap(DirectoryUnavailableException::new)
                .flatMap(found -> of(requester, found));
    }

    /** @param found directory entries already read, keyed in lower case, which should include the requester's id */
    Mono<Optional<DirectoryUser>> of(Requester requester, Map<String, DirectoryUser> found) {
        DirectoryUser byId = found.get(requester.id().toLowerCase(Locale.ROOT));
        if (byId != null || requester.userPrincipalName() == null) {
            return Mono.just(Optional.ofNullable(byId));
        }
        return directory.findUser(requester.userPrincipalName()).onErrorMap(DirectoryUnavailableException::new);
    }
}
