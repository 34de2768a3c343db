package org.teamsprovisioner.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.util.MultiValueMap;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Azure AD workload identity on Kubernetes: the client assertion is the service account token kubelet projects into
 * the pod (audience {@code api://AzureADTokenExchange}), which a federated identity credential of the app trusts. The
 * file is read for every token request: kubelet replaces it before it expires (at 80 % of its lifetime), so a token
 * read once would stop working within the hour.
 */
final class WorkloadIdentityCredential implements GraphCredential {

    /** Not a Spring Security method: only its name differs from private_key_jwt, the wire form is the same. */
    static final ClientAuthenticationMethod FEDERATED_ASSERTION = new ClientAuthenticationMethod("federated_client_assertion");

    private final Path tokenFile;

    WorkloadIdentityCredential(Path tokenFile) {
        if (!Files.isReadable(tokenFile)) {
            throw new IllegalStateException("provisioner.graph.credential.workload-identity.token-file '" + tokenFile
                    + "' cannot be read: is the pod labelled azure.workload.identity/use: \"true\" and its service account"
                    + " annotated with azure.workload.identity/client-id?");
        }
        this.tokenFile = tokenFile;
    }

    @Override
    public ClientAuthenticationMethod method() {
        return FEDERATED_ASSERTION;
    }

    @Override
    public Mono<MultiValueMap<String, String>> parameters() {
        // A file read blocks: off the event loop.
        return Mono.fromCallable(this::read).subscribeOn(Schedulers.boundedElastic()).map(GraphCredential::clientAssertion);
    }

    private String read() {
        try {
            String token = Files.readString(tokenFile, StandardCharsets.US_ASCII).strip();
            if (token.isEmpty()) {
                throw new IllegalStateException("The federated token file '" + tokenFile + "' is empty");
            }
            return token;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not read the federated token file '" + tokenFile + "': " + ex, ex);
        }
    }
}
