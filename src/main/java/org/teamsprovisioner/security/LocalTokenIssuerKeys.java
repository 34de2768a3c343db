package org.teamsprovisioner.security;

import com.nimbusds.jose.jwk.JWKSet;

/**
 * The public keys of a token issuer that runs inside this application: the sandbox's, whose
 * {@code POST /sandbox/token} signs a token for any user with any roles. The API trusts such keys
 * only through this type, never through a bean of a common type such as {@link JWKSet} that a
 * library or a test could contribute, and never in the {@code prod} profile.
 */
public interface LocalTokenIssuerKeys {

    JWKSet publicKeys();
}
