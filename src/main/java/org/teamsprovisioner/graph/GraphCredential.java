package org.teamsprovisioner.graph;

import java.time.Clock;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import reactor.core.publisher.Mono;

/**
 * How a token request proves that it comes from the app registration: the client authentication of the
 * client-credentials grant. Spring Security's token client sends {@code client_id} (and {@code client_secret} for
 * {@code client_secret_post}); the credential adds the rest, anew for each token request.
 */
interface GraphCredential {

    /** RFC 7523 2.2: the client authenticates with a JWT. */
    String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    ClientAuthenticationMethod method();

    /** The form fields that authenticate one token request, besides those of {@link #method()}. */
    Mono<MultiValueMap<String, String>> parameters();

    static GraphCredential of(GraphProperties properties, Clock clock) {
        GraphCredentialProperties credential = properties.credential();
        return switch (credential.type()) {
            case CLIENT_SECRET -> new ClientSecretCredential();
            case CERTIFICATE -> new CertificateCredential(properties.clientId(), properties.resolvedTokenUri(),
                    CertificateCredentialKey.load(credential.certificate()), credential.certificate().algorithm(), clock);
            case WORKLOAD_IDENTITY -> new WorkloadIdentityCredential(credential.workloadIdentity().tokenFile());
        };
    }

    static MultiValueMap<String, String> clientAssertion(String jwt) {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        parameters.add("client_assertion_type", JWT_BEARER);
        parameters.add("client_assertion", jwt);
        return parameters;
    }
}
