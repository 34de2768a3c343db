package org.teamsprovisioner.graph;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the service reaches Microsoft Graph with an app-only token.
 *
 * @param baseUrl Graph root including the version segment, e.g. {@code https://graph.microsoft.com/v1.0}
 *     (national clouds use another host).
 * @param authorityHost Entra ID's host for this cloud, {@code {authority-host}} in {@link #tokenUri}. Defaults to
 *     {@code AZURE_AUTHORITY_HOST}, which the AKS workload identity webhook injects, else
 *     {@code https://login.microsoftonline.com/}.
 * @param tokenUri Entra ID token endpoint; {@code {authority-host}} is replaced by {@link #authorityHost} and
 *     {@code {tenant-id}} by {@link #tenantId}.
 * @param scope OAuth2 scope for the client-credentials grant; app-only Graph tokens require the
 *     {@code /.default} scope.
 * @param tenantId Entra ID tenant (directory) id that owns the teams. Env {@code PROVISIONER_GRAPH_TENANT_ID}, else
 *     {@code AZURE_TENANT_ID}.
 * @param clientId Application (client) id of the provisioner's app registration. Env
 *     {@code PROVISIONER_GRAPH_CLIENT_ID}, else {@code AZURE_CLIENT_ID}.
 * @param clientSecret Client secret of that app registration, for credential type {@code client-secret}. Env
 *     {@code PROVISIONER_GRAPH_CLIENT_SECRET}.
 * @param credential How the token request proves it comes from the app registration: a client secret, a
 *     certificate or a workload identity's federated token.
 * @param connectTimeout TCP connect timeout for Graph and the token endpoint.
 * @param responseTimeout Longest wait for a Graph response before the call counts as failed.
 * @param tokenRefreshBefore How long before its expiry the Graph token is replaced; the next call after
 *     that requests a new one, and concurrent calls wait for that one request.
 */
@Validated
@ConfigurationProperties("provisioner.graph")
public record GraphProperties(
        @NotNull URI baseUrl,
        @NotNull @DefaultValue(GraphProperties.PUBLIC_CLOUD) URI authorityHost,
        @NotBlank String tokenUri,
        @NotBlank @DefaultValue("https://graph.microsoft.com/.default") String scope,
        @NotBlank String tenantId,
        @NotBlank String clientId,
        String clientSecret,
        @NotNull @Valid @DefaultValue GraphCredentialProperties credential,
        @NotNull @DefaultValue("5s") Duration connectTimeout,
        @NotNull @DefaultValue("30s") Duration responseTimeout,
        @NotNull @DefaultValue("5m") Duration tokenRefreshBefore) {

    static final String PUBLIC_CLOUD = "https://login.microsoftonline.com/";

    @ConstructorBinding
    public GraphProperties {
        clientSecret = clientSecret == null || clientSecret.isBlank() ? null : clientSecret;
    }

    /** With a client secret, on the public cloud: the settings every deployment had before the credential types. */
    public GraphProperties(URI baseUrl, String tokenUri, String scope, String tenantId, String clientId, String clientSecret,
            Duration connectTimeout, Duration responseTimeout, Duration tokenRefreshBefore) {
        this(baseUrl, URI.create(PUBLIC_CLOUD), tokenUri, scope, tenantId, clientId, clientSecret,
                GraphCredentialProperties.CLIENT_SECRET, connectTimeout, responseTimeout, tokenRefreshBefore);
    }

    @AssertTrue(message = "provisioner.graph.client-secret (env PROVISIONER_GRAPH_CLIENT_SECRET) is required when"
            + " provisioner.graph.credential.type is client-secret")
    public boolean isClientSecretSetForItsType() {
        return credential == null || credential.type() != GraphCredentialProperties.Type.CLIENT_SECRET || clientSecret != null;
    }

    String resolvedTokenUri() {
        String host = authorityHost.toString();
        return tokenUri.replace("{authority-host}", host.endsWith("/") ? host : host + "/").replace("{tenant-id}", tenantId);
    }

    /** The base URL without a trailing slash, so paths can be appended as written in the Graph docs. */
    String root() {
        String url = baseUrl.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Records print every component; the secret must not reach a log line or an error message this way. */
    @Override
    public String toString() {
        return "GraphProperties[baseUrl=" + baseUrl + ", authorityHost=" + authorityHost + ", tokenUri=" + tokenUri
                + ", scope=" + scope + ", tenantId=" + tenantId + ", clientId=" + clientId + ", clientSecret="
                + GraphCredentialProperties.mask(clientSecret) + ", credential=" + credential + ", connectTimeout="
                + connectTimeout + ", responseTimeout=" + responseTimeout + ", tokenRefreshBefore=" + tokenRefreshBefore + "]";
    }
}
