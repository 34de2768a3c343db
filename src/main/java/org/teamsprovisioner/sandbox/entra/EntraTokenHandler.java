package org.teamsprovisioner.sandbox.entra;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jwt.JWTClaimsSet;
import tools.jackson.databind.node.ObjectNode;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;
import org.teamsprovisioner.sandbox.http.MicrosoftGraph;
import org.teamsprovisioner.sandbox.http.SandboxJson;
import org.teamsprovisioner.sandbox.settings.SandboxProperties;
import org.teamsprovisioner.sandbox.tenant.SandboxCounters;

/**
 * {@code POST /sandbox/login/{tenant}/oauth2/v2.0/token}: the Entra ID v2 token endpoint,
 * client-credentials grant only, which is all a daemon that creates teams with application
 * permissions uses. The client proves itself with a secret, a certificate-signed assertion or a
 * federated identity's token ({@link ClientCredentials}, {@link ClientAssertions}). Tokens look like
 * the v1 access tokens Entra issues for Microsoft Graph ({@code iss} on sts.windows.net,
 * {@code appid}, {@code idtyp=app}) so that the Graph side of the sandbox can tell app-only callers
 * from delegated ones the way Graph does.
 */
public final class EntraTokenHandler {

    private static final Set<String> GRAPH_RESOURCES = Set.of(MicrosoftGraph.RESOURCE, MicrosoftGraph.APP_ID);
    private static final String DEFAULT_SCOPE_SUFFIX = "/.default";

    private final SandboxProperties properties;
    private final SandboxIssuer issuer;
    private final SandboxCounters counters;
    private final Clock clock;
    private final ClientAssertions assertions;

    public EntraTokenHandler(SandboxProperties properties, SandboxIssuer issuer, SandboxCounters counters, Clock clock) {
        this.properties = properties;
        this.issuer = issuer;
        this.counters = counters;
        this.clock = clock;
        this.assertions = new ClientAssertions(properties.clients(), new FederatedAssertions(new FederatedIssuerKeys()));
    }

    public Mono<ServerResponse> token(ServerRequest request) {
        counters.tokenRequested();
        String tenant = request.pathVariable("tenant");
        String authorization = request.headers().firstHeader(HttpHeaders.AUTHORIZATION);
        // Entra echoes the caller's client-request-id as correlation_id, which is how support
        // cases are matched to client logs.
        String correlationId = request.headers().firstHeader("client-request-id");
        // A client assertion is addressed to the token endpoint as the client called it.
        String endpoint = UriComponentsBuilder.fromUri(request.uri()).replaceQuery(null).fragment(null).toUriString();
        return request.formData()
                .flatMap(form -> grant(tenant, form, authorization, endpoint))
                .flatMap(this::success)
                .onErrorResume(EntraException.class, ex -> failure(ex, correlationId));
    }

    private Mono<String> grant(String tenant, MultiValueMap<String, String> form, String authorization, String endpoint) {
        if (!properties.tenantId().equals(tenant)) {
            throw EntraException.tenantNotFound(tenant);
        }
        String grantType = form.getFirst("grant_type");
        if (grantType == null || grantType.isBlank()) {
            throw EntraException.missingParameter("grant_type");
        }
        if (!"client_credentials".equals(grantType)) {
            throw EntraException.unsupportedGrantType(grantType);
        }
        ClientCredentials credentials = ClientCredentials.resolve(form, authorization);
        SandboxProperties.Client client = properties.clients().stream()
                .filter(candidate -> candidate.clientId().equals(credentials.clientId()))
                .findFirst()
                .orElseThrow(() -> EntraException.unknownClient(credentials.clientId(), tenant));
        Mono<Void> authenticated;
        if (credentials.clientAssertion() != null) {
            authenticated = assertions.verify(client, credentials.clientAssertion(), ClientAssertions.audiences(endpoint, tenant),
                    clock);
        }
        else if (!secretMatches(client, credentials.clientSecret())) {
            throw EntraException.invalidSecret(client.clientId());
        }
        else {
            authenticated = Mono.empty();
        }
        return authenticated.then(Mono.fromCallable(() -> issue(client, tenant, form.getFirst("scope"))));
    }

    private String issue(SandboxProperties.Client client, String tenant, String scope) {
        checkScope(scope, tenant);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .audience(MicrosoftGraph.RESOURCE)
                .issuer("https://sts.windows.net/" + tenant + "/")
                .subject(servicePrincipalId(client))
                .claim("oid", servicePrincipalId(client))
                .claim("appid", client.clientId())
                .claim("tid", tenant)
                .claim("idtyp", "app")
                .claim("ver", "1.0");
        if (!client.roles().isEmpty()) {
            // Entra omits the claim when the app has no application permission granted.
            claims.claim("roles", client.roles());
        }
        return issuer.issue(claims, clock.instant(), properties.tokenLifetime());
    }

    /** Constant-time, and never true for a client registered with a certificate only. */
    private static boolean secretMatches(SandboxProperties.Client client, String secret) {
        return client.clientSecret() != null && MessageDigest.isEqual(client.clientSecret().getBytes(StandardCharsets.UTF_8),
                secret.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The client-credentials grant takes exactly one scope, {@code {resource}/.default}, meaning
     * "every application permission already consented"; anything else is a client bug that real
     * Entra rejects, so the sandbox must reject it too.
     */
    private static void checkScope(String scope, String tenant) {
        if (scope == null || scope.isBlank()) {
            throw EntraException.missingScope();
        }
        String trimmed = scope.strip();
        if (!trimmed.endsWith(DEFAULT_SCOPE_SUFFIX) || trimmed.contains(" ")) {
            throw EntraException.scopeWithoutDefault(trimmed);
        }
        String resource = trimmed.substring(0, trimmed.length() - DEFAULT_SCOPE_SUFFIX.length());
        if (!GRAPH_RESOURCES.contains(resource)) {
            throw EntraException.unknownResource(resource, tenant);
        }
    }

    private static String servicePrincipalId(SandboxProperties.Client client) {
        return UUID.nameUUIDFromBytes(("sp:" + client.clientId()).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private Mono<ServerResponse> success(String token) {
        counters.tokenIssued();
        // Entra reports the remaining lifetime rounded down (3599 for a one-hour token).
        long expiresIn = Math.max(0, properties.tokenLifetime().toSeconds() - 1);
        ObjectNode body = SandboxJson.object()
                .put("token_type", "Bearer")
                .put("expires_in", expiresIn)
                .put("ext_expires_in", expiresIn)
                .put("access_token", token);
        return noStore(ServerResponse.ok()).bodyValue(SandboxJson.write(body));
    }

    private Mono<ServerResponse> failure(EntraException ex, String correlationId) {
        String traceId = UUID.randomUUID().toString();
        String correlation = correlationId != null ? correlationId : UUID.randomUUID().toString();
        Instant now = clock.instant();
        // Entra's timestamps use a space instead of the 'T': "2026-01-15 10:22:11Z".
        String timestamp = SandboxJson.seconds(now).replace('T', ' ');
        ObjectNode body = SandboxJson.object()
                .put("error", ex.error())
                .put("error_description", ex.getMessage() + " Trace ID: " + traceId + " Correlation ID: "
                        + correlation + " Timestamp: " + timestamp);
        body.putArray("error_codes").add(ex.aadsts());
        body.put("timestamp", timestamp)
                .put("trace_id", traceId)
                .put("correlation_id", correlation)
                .put("error_uri", "https://login.microsoftonline.com/error?code=" + ex.aadsts());
        return noStore(ServerResponse.status(ex.status())).bodyValue(SandboxJson.write(body));
    }

    private static ServerResponse.BodyBuilder noStore(ServerResponse.BodyBuilder builder) {
        return builder.contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store, no-cache")
                .header(HttpHeaders.PRAGMA, "no-cache");
    }
}
