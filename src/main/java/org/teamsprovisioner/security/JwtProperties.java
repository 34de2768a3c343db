package org.teamsprovisioner.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How callers' bearer tokens are checked.
 *
 * @param issuerUri the {@code iss} every token must carry; for Entra ID v2 tokens
 *     {@code https://login.microsoftonline.com/{tenant}/v2.0}. Its OpenID configuration supplies
 *     the signing keys unless {@link #jwkSetUri} is set.
 * @param audiences accepted {@code aud} values: the provisioner API's application id URI and/or client id.
 * @param jwkSetUri where to fetch signing keys when they should not be discovered from the issuer.
 * @param readAllRole app role (in the {@code roles} claim) that may read every caller's requests.
 * @param manageAllRole app role that may retry and cancel every caller's requests (the service desk);
 *     without it, callers act only on their own.
 * @param userScope delegated scope a user's token (one with {@code scp}) must carry to use the API.
 * @param appRole app role an application's own token (no {@code scp}) must carry to use the API.
 */
@Validated
@ConfigurationProperties("provisioner.security.jwt")
public record JwtProperties(
        @NotBlank String issuerUri,
        @NotEmpty List<String> audiences,
        URI jwkSetUri,
        @NotBlank @DefaultValue("TeamRequests.ReadAll") String readAllRole,
        @NotBlank @DefaultValue("TeamRequests.ManageAll") String manageAllRole,
        // One token of scp or roles: a value with a space could never match.
        @NotBlank @Pattern(regexp = "\\S+", message = "must be one scope name, without spaces")
        @DefaultValue("TeamRequests.ReadWrite") String userScope,
        @NotBlank @Pattern(regexp = "\\S+", message = "must be one app role value, without spaces")
        @DefaultValue("TeamRequests.Submit") String appRole) {
}
