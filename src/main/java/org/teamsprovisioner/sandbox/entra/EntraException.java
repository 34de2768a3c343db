package org.teamsprovisioner.sandbox.entra;

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

    /**
     * Entra answers a confidential client without a credential with {@code invalid_client} (401):
     * RFC 6749 5.2's error for failed client authentication, whichever parameter is missing.
     */
    static EntraException missingCredential() {
        return new EntraException(HttpStatus.UNAUTHORIZED, "invalid_client", 7000218,
                "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
    }

    /**
     * RFC 6749 2.3 forbids more than one client authentication method per request. Entra's code
     * for it is not documented; the sandbox reuses 7000218, the code whose message names the
     * choice ("'client_assertion' or 'client_secret'").
     */
    static EntraException moreThanOneCredential() {
        return new EntraException(HttpStatus.BAD_REQUEST, "invalid_request", 7000218,
                "The request must contain either 'client_assertion' or a client secret ('client_secret' or HTTP"
                        + " Basic), not both: a client must not use more than one authentication method per request.");
    }

    static EntraException unsupportedAssertionType(String type) {
        return new EntraException(HttpStatus.BAD_REQUEST, "invalid_request", 900144, "The value '" + type
                + "' of 'client_assertion_type' is not supported; use '" + ClientCredentials.JWT_BEARER + "'.");
    }

    /** A client assertion that is not a compact, signed JWT or lacks a claim Entra requires. */
    static EntraException malformedAssertion(String detail) {
        return new EntraException(HttpStatus.UNAUTHORIZED, "invalid_client", 50027,
                "JWT token is invalid or malformed. " + detail);
    }

    static EntraException assertionWithoutThumbprint() {
        return new EntraException(HttpStatus.UNAUTHORIZED, "invalid_client", 50027,
                "Invalid JWT token. No certificate thumbprint specified in token header: send the certificate's"
                        + " SHA-1 thumbprint as 'x5t' or its SHA-256 thumbprint as 'x5t#S256'.");
    }

    /** Entra's 700027 names the failed check in its "[Reason - ...]" part. */
    static EntraException assertionSignature(String reason, String thumbprint, String clientId) {
        return new EntraException(HttpStatus.UNAUTHORIZED, "invalid_client", 700027,
                "Client assertion contains an invalid signature. [Reason - " + reason + ", Thumbprint of key used by"
                        + " client: '" + thumbprint + "', Please check the keys configured for app Id '" + clientId
                        + "' (provisioner.sandbox.clients[n].certificate).]");
    }

    static EntraException assertionAudience() {
        return new EntraException(HttpStatus.UNAUTHORIZED, "invalid_client", 700023,
                "Client assertion audience claim does not match Realm issuer. Review the documentation at"
                        + " https://learn.microsoft.com/entra/identity-platform/certificate-credentials .");
    }

    static EntraException assertionIssuer() {
        return new EntraException(HttpStatus.UNAUTHORIZED, "invalid_client", 700021,
                "Client assertion application identifier doesn't match 'client_id' parameter: its 'iss' and 'sub'"
                        + " claims must both be the client id.");
    }

    static EntraException assertionLifetime(String now, String validFrom, String expiry) {
        return new EntraException(HttpStatus.UNAUTHORIZED, "invalid_client", 700024,
                "Client assertion is not within its valid time range. Current time: " + now + ", assertion valid from "
                        + validFrom + ", expiry time of assertion " + expiry + ". Review the documentation at"
                        + " https://learn.microsoft.com/entra/identity-platform/certificate-credentials .");
    }

    /**
     * RFC 7523 3: the authorization server may refuse a {@code jti} it has seen before, so that an
     * assertion caught in transit cannot be replayed. Entra documents no code of its own for this;
     * the sandbox answers with 50013, Entra's "InvalidAssertion".
     */
    static EntraException assertionReplayed(String jti) {
        return new EntraException(HttpStatus.UNAUTHORIZED, "invalid_client", 50013, "Assertion is invalid: the client"
                + " assertion with 'jti' '" + jti + "' was already used. Sign a new assertion, with a new 'jti', for every"
                + " token request.");
    }

    /** Entra's answer when no federated identity credential of the app matches the presented token. */
    static EntraException noMatchingFederatedIdentity(String issuer, String subject, String audience) {
        return new EntraException(HttpStatus.BAD_REQUEST, "invalid_request", 70021, "No matching federated identity"
                + " record found for presented assertion. Assertion Issuer: '" + issuer + "'. Assertion Subject: '"
                + subject + "'. Assertion Audience: '" + audience + "'.");
    }

    /** The issuer's OpenID Connect discovery document or its keys could not be fetched. */
    static EntraException externalOidcEndpointFailed() {
        return new EntraException(HttpStatus.BAD_REQUEST, "invalid_request", 90061, "Request to External OIDC endpoint"
                + " failed.");
    }

    /** 50027 lists "External ID token from issuer failed signature verification." among its reasons. */
    static EntraException federatedSignature(String issuer) {
        return new EntraException(HttpStatus.UNAUTHORIZED, "invalid_client", 50027, "JWT token is invalid or malformed."
                + " External ID token from issuer '" + issuer + "' failed signature verification: no key the issuer"
                + " publishes verifies it.");
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
