package org.teamsprovisioner.sandbox.entra;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.util.MultiValueMap;

/**
 * The client's id and its one credential: a secret, from either {@code client_secret_post} (form
 * fields) or {@code client_secret_basic} (HTTP Basic), or a signed JWT, {@code client_assertion}
 * with {@code client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer}
 * (RFC 7523, Entra's certificate credentials). Entra accepts all three; Spring Security's OAuth2
 * client defaults to Basic, and RFC 6749 2.3.1 has both halves form-url-encoded before Base64,
 * which is why they are url-decoded here (a secret with '+' or '%' breaks clients that forget this).
 *
 * @param clientSecret the secret, or {@code null} when the client sent an assertion
 * @param clientAssertion the assertion JWT, or {@code null} when the client sent a secret
 */
record ClientCredentials(String clientId, String clientSecret, String clientAssertion) {

    static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    /**
     * RFC 6749 2.3: "The client MUST NOT use more than one authentication method in each
     * request", so a secret (in the form or the Basic header) next to an assertion is refused.
     * A Basic header next to a stray form secret is not two methods: the header wins, being the
     * one Spring Security's client sends deliberately.
     */
    static ClientCredentials resolve(MultiValueMap<String, String> form, String authorization) {
        String assertion = form.getFirst("client_assertion");
        boolean hasAssertion = assertion != null && !assertion.isEmpty();
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            if (hasAssertion) {
                throw EntraException.moreThanOneCredential();
            }
            return fromBasic(authorization.substring(6).strip());
        }
        String clientId = form.getFirst("client_id");
        if (clientId == null || clientId.isBlank()) {
            throw EntraException.missingParameter("client_id");
        }
        String secret = form.getFirst("client_secret");
        boolean hasSecret = secret != null && !secret.isEmpty();
        if (hasAssertion) {
            if (hasSecret) {
                throw EntraException.moreThanOneCredential();
            }
            String type = form.getFirst("client_assertion_type");
            if (type == null || type.isBlank()) {
                throw EntraException.missingParameter("client_assertion_type");
            }
            if (!JWT_BEARER.equals(type)) {
                throw EntraException.unsupportedAssertionType(type);
            }
            return new ClientCredentials(clientId, null, assertion);
        }
        if (!hasSecret) {
            throw EntraException.missingCredential();
        }
        return new ClientCredentials(clientId, secret, null);
    }

    private static ClientCredentials fromBasic(String encoded) {
        String clientId;
        String secret;
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw EntraException.malformedBasicAuthorization();
            }
            clientId = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
            secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException ex) {
            // Invalid Base64, or a '%' escape that is not followed by two hex digits.
            throw EntraException.malformedBasicAuthorization();
        }
        if (clientId.isBlank()) {
            throw EntraException.missingParameter("client_id");
        }
        if (secret.isEmpty()) {
            throw EntraException.missingCredential();
        }
        return new ClientCredentials(clientId, secret, null);
    }
}
