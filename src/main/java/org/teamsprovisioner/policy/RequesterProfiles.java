package org.teamsprovisioner.policy;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.teamsprovisioner.graph.DirectoryUser;
import org.teamsprovisioner.graph.GraphClient;
import reactor.core.publisher.Mono;

/** The requester's directory profile, for the naming policy's attributes: by object id, else by sign-in name. */
@Component
class RequesterProfiles {

    private final GraphClient graph;

    RequesterProfiles(GraphClient graph) {
        this.graph = graph;
    }

    Mono<Optional<DirectoryUser>> of(Requester requester) {
        return graph.findUser(requester.id())
                .switchIfEmpty(Mono.defer(() -> requester.userPrincipalName() == null ? Mono.empty()
                        : graph.findUser(requester.userPrincipalName())))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .onErrorMap(DirectoryUnavailableException::new);
    }
}
