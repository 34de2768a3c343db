package org.teamsprovisioner.sandbox.entra;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jwt.JWTClaimsSet;
import tools.jackson.databind.node.ObjectNode;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.teamsprovisioner.sandbox.http.SandboxJson;
import org.teamsprovisioner.sandbox.settings.SandboxProperties;
import org.teamsprovisioner.sandbox.tenant.SandboxDirectory;

/**
 * {@code POST /sandbox/token}: user access tokens for the service's own API, so that a developer
 * or a test can call the service as "alice" without a real Entra ID. The claims mirror what an
 * Entra ID v2 access token carries for a user ({@code oid}, {@code tid},
 * {@code preferred_username}, the delegated scopes in {@code scp}, optional app {@code roles}).
 * An empty {@code scope} field gives what Entra issues to an app for itself instead: no {@code scp},
 * {@code idtyp=app}, only {@code roles}.
 */
public final class UserTokenHandler {

    private final SandboxProperties properties;
    private final SandboxIssuer issuer;
    private final SandboxDirectory directory;
    private final Clock clock;

    public UserTokenHandler(SandboxProperties properties, SandboxIssuer issuer, SandboxDirectory directory, Clock clock) {
        this.properties = properties;
        this.issuer = issuer;
        this.directory = directory;
        this.clock = clock;
    }

    public Mono<ServerResponse> issue(ServerRequest request) {
        return request.formData().flatMap(this::issue);
    }

    private Mono<ServerResponse> issue(MultiValueMap<String, String> form) {
        String user = form.getFirst("user");
        if (user == null || user.isBlank()) {
            return problem("The form field 'user' is required, for example user=alice@contoso.com.");
        }
        user = user.strip();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(properties.userTokens().issuer())
                .audience(properties.userTokens().audience())
                .subject(user)
                // A directory user's token carries their object id, as Entra's does, so the service can
                // look the caller up in Graph; anyone else gets an id that is stable across restarts.
                .claim("oid", objectId(user))
                .claim("tid", properties.tenantId());
        List<String> scopes = form.containsKey("scope") ? roles(form.getFirst("scope")) : List.of(properties.userTokens().scope());
        if (scopes.isEmpty()) {
            // An app's own token names no user.
            claims.claim("idtyp", "app");
        } else {
            // Entra's scp is one space-separated string.
            claims.claim("preferred_username", user).claim("scp", String.join(" ", scopes));
        }
        List<String> roles = roles(form.getFirst("roles"));
        if (!roles.isEmpty()) {
            // Entra ID omits the claim entirely when no role is assigned; so does the sandbox.
            claims.claim("roles", roles);
        }
        String token = issuer.issue(claims, clock.instant(), properties.tokenLifetime());
        ObjectNode body = SandboxJson.object()
                .put("access_token", token)
                .put("token_type", "Bearer")
                .put("expires_in", properties.tokenLifetime().toSeconds());
        return ServerResponse.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header("Cache-Control", "no-store")
                .bodyValue(SandboxJson.write(body));
    }

    private String objectId(String user) {
        return directory.user(user).map(SandboxProperties.User::id)
                .orElseGet(() -> UUID.nameUUIDFromBytes(user.getBytes(StandardCharsets.UTF_8)).toString());
    }

    /** Roles or scopes, comma- or whitespace-separated, as people type them on a curl command line. */
    static List<String> roles(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split("[,\\s]+")).filter(role -> !role.isEmpty()).distinct().toList();
    }

    private static Mono<ServerResponse> problem(String detail) {
        // RFC 9457 problem details, the format the service itself answers errors in.
        ObjectNode body = SandboxJson.object()
                .put("type", "about:blank")
                .put("title", HttpStatus.BAD_REQUEST.getReasonPhrase())
                .put("status", HttpStatus.BAD_REQUEST.value())
                .put("detail", detail);
        return ServerResponse.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(SandboxJson.write(body));
    }
}
