package org.teamsprovisioner.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.util.MultiValueMap;

/**
 * The client's id and secret, from either {@code client_secret_post} (form fields) or
 * {@code client_secret_basic} (HTTP Basic). Entra accepts both; Spring Security's OAuth2 client
 * defaults to Basic, and RFC 6749 2.3.1 has both halves form-url-encoded before Base64, which is
 * why they are url-decoded here (a secret with '+' or '%' breaks clients that forget this).
 */
record ClientCredentials(String clientId, String clientSecret) {

    /**
     * When a request carries both, the Basic header wins: it is the one Spring Security's client
     * sends deliberately, while stray form fields are easy to leave behind.
     */
    static ClientCredentials resolve(MultiValueMap<String, String> form, String authorization) {
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return fromBasic(authorization.substring(6).strip());
        }
        String clientId = form.getFirst("client_id");
        if (clientId == null || clientId.isBlank()) {
            throw EntraException.missingParameter("client_id");
        }
        String secret = form.getFirst("client_secret");
        if (secret == null || secret.isEmpty()) {
            throw EntraException.missingSecret();
        }
        return new ClientCredentials(clientId, secret);
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
            throw EntraException.missingSecret();
        }
        return new ClientCredentials(clientId, secret);
    }
}
