package org.teamsprovisioner.graph;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the service reaches Microsoft Graph with an app-only token.
 *
 * @param baseUrl Graph root including the version segment, e.g. {@code https://graph.microsoft.com/v1.0}
 *     (national clouds use another host).
 * @param tokenUri Entra ID token endpoint; {@code {tenant-id}} is replaced by {@link #tenantId}.
 * @param scope OAuth2 scope for the client-credentials grant; app-only Graph tokens require the
 *     {@code /.default} scope.
 * @param tenantId Entra ID tenant (directory) id that owns the teams. Env {@code PROVISIONER_GRAPH_TENANT_ID}.
 * @param clientId Application (client) id of the provisioner's app registration. Env
 *     {@code PROVISIONER_GRAPH_CLIENT_ID}.
 * @param clientSecret Client secret of that app registration. Env {@code PROVISIONER_GRAPH_CLIENT_SECRET}.
 * @param connectTimeout TCP connect timeout for Graph and the token endpoint.
 * @param responseTimeout Longest wait for a Graph response before the call counts as failed.
 * @param tokenRefreshBefore How long before its expiry the Graph token is replaced; the next call after
 *     that requests a new one, and concurrent calls wait for that one request.
 */
@Validated
@ConfigurationProperties("provisioner.graph")
public record GraphProperties(
        @NotNull URI baseUrl,
        @NotBlank String tokenUri,
        @NotBlank @DefaultValue("https://graph.microsoft.com/.default") String scope,
        @NotBlank String tenantId,
        @NotBlank String clientId,
        @NotBlank String clientSecret,
        @NotNull @DefaultValue("5s") Duration connectTimeout,
        @NotNull @DefaultValue("30s") Duration responseTimeout,
        @NotNull @DefaultValue("5m") Duration tokenRefreshBefore) {

    String resolvedTokenUri() {
        return tokenUri.replace("{tenant-id}", tenantId);
    }

    /** The base URL without a trailing slash, so paths can be appended as written in the Graph docs. */
    String root() {
        String url = baseUrl.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
