package org.teamsprovisioner.policy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.teamsprovisioner.request.Caller;
import reactor.core.publisher.Mono;

/**
 * The requester's directory profile, for the naming policy's attributes and to recognise them among
 * owners listed by name: by object id only, never by the sign-in name their token states (see
 * {@link Caller#id()}).
 */
@Component
class RequesterProfiles {

    private final Directory directory;

    RequesterProfiles(Directory directory) {
        this.directory = directory;
    }

    Mono<Optional<DirectoryUser>> of(Caller requester) {
        return directory.findUsers(List.of(requester.id()))
                .onErrorMap(DirectoryUnavailableException::new)
                .map(found -> of(requester, found));
    }

    /** @param found directory entries already read, keyed in lower case, which should include the requester's id */
    static Optional<DirectoryUser> of(Caller requester, Map<String, DirectoryUser> found) {
        return Optional.ofNullable(found.get(requester.id().toLowerCase(Locale.ROOT)));
    }
}
