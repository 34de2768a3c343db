package org.teamsprovisioner.sandbox;

import org.springframework.http.HttpStatus;

/**
 * An OAuth2 error of the Entra ID token endpoint. Entra answers {@code error} (RFC 6749 5.2),
 * a human {@code error_description} that starts with the AADSTS code, and the numeric
 * {@code error_codes} that clients are told to branch on instead of parsing text.
 */
final class EntraException extends RuntimeException {

    private final HttpStatus status;
    private final String error;
    private final int aadsts;

    private EntraException(HttpStatus status, String error, int aadsts, String message) {
        super("AADSTS" + aadsts + ": " + message, null, false, false);
        this.status = status;
        this.error = error;
        this.aadsts = aadsts;
    }

    HttpStatus status() {
        return status;
    }

    String error() {
        return error;
    }

    int aadsts() {
        return aadsts;
    }

    static EntraException tenantNotFound(String tenant) {
        return new EntraException(HttpStatus.BAD_REQUEST, "invalid_request", 90002, "Tenant '" + tenant
                + "' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.");
    }

    static EntraException missingParameter(String parameter) {
        return new EntraException(HttpStatus.BAD_REQUEST, "invalid_request", 900144,
                "The request body must contain the following parameter: '" + parameter + "'.");
    }

    static EntraException unsupportedGrantType(String grantType) {
        return new EntraException(HttpStatus.BAD_REQUEST, "unsupported_grant_type", 70003,
                "The app requested an unsupported grant type '" + grantType
                        + "'. The sandbox supports only client_credentials.");
    }

    static EntraException missingSecret() {
        return new EntraException(HttpStatus.BAD_REQUEST, "invalid_request", 7000218,
                "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
    }

    static EntraException malformedBasicAuthorization() {
        return new EntraException(HttpStatus.BAD_REQUEST, "invalid_request", 50012,
                "The HTTP Basic Authorization header is malformed: expected base64(client_id:client_secret).");
    }

    static EntraException unknownClient(String clientId, String tenant) {
        return new EntraException(HttpStatus.UNAUTHORIZED, "invalid_client", 700016, "Application with identifier '"
                + clientId + "' was not found in the directory '" + tenant + "'.");
    }

    static EntraException invalidSecret(String clientId) {
        return new EntraException(HttpStatus.UNAUTHORIZED, "invalid_client", 7000215,
                "Invalid client secret provided. Ensure the secret being sent in the request is the client secret"
                        + " value, not the client secret ID, for a secret added to app '" + clientId + "'.");
    }

    static EntraException missingScope() {
        return new EntraException(HttpStatus.BAD_REQUEST, "invalid_scope", 70011,
                "The provided request must include a 'scope' input parameter.");
    }

    static EntraException scopeWithoutDefault(String scope) {
        return new EntraException(HttpStatus.BAD_REQUEST, "invalid_scope", 1002012, "The provided value for scope "
                + scope + " is not valid. Client credential flows must have a scope value with /.default suffixed"
                + " to the resource identifier (application ID URI).");
    }

    static EntraException unknownResource(String resource, String tenant) {
        return new EntraException(HttpStatus.BAD_REQUEST, "invalid_resource", 500011, "The resource principal named "
                + resource + " was not found in the tenant named " + tenant
                + ". The sandbox only issues tokens for Microsoft Graph.");
    }
}
