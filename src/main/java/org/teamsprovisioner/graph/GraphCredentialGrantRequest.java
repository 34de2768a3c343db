package org.teamsprovisioner.graph;

import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.util.MultiValueMap;

/**
 * A client-credentials grant request with the credential's parameters of this one request. Spring Security's token
 * client converts requests to form parameters synchronously, while a credential may need I/O (the workload identity
 * token file), so the parameters are prepared first and carried here to the client's parameters converter.
 */
final class GraphCredentialGrantRequest extends OAuth2ClientCredentialsGrantRequest {

    private final MultiValueMap<String, String> parameters;

    GraphCredentialGrantRequest(ClientRegistration registration, MultiValueMap<String, String> parameters) {
        super(registration);
        this.parameters = parameters;
    }

    /** For the token client's {@code addParametersConverter}: nothing to add to a request of another kind. */
    static MultiValueMap<String, String> parametersOf(OAuth2ClientCredentialsGrantRequest request) {
        return request instanceof GraphCredentialGrantRequest ours ? ours.parameters : null;
    }
}
