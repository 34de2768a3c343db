/**
 * Entra ID as far as the service meets it: the sandbox's signing key
 * ({@link org.teamsprovisioner.sandbox.entra.SandboxIssuer}), the v2 token endpoint for the
 * client-credentials grant with a secret, a certificate's assertion or a federated credential
 * ({@link org.teamsprovisioner.sandbox.entra.EntraTokenHandler}; Microsoft identity platform's
 * "OAuth 2.0 client credentials flow", "Certificate credentials" and "Workload identity
 * federation", with Entra's AADSTS errors), the signing keys at Entra's JWKS path, user tokens for
 * the service's own API ({@link org.teamsprovisioner.sandbox.entra.UserTokenHandler}), and
 * Graph's side of a token: {@link org.teamsprovisioner.sandbox.entra.GraphAuthenticator}
 * validates a Graph call's bearer token as Graph does.
 */
package org.teamsprovisioner.sandbox.entra;
