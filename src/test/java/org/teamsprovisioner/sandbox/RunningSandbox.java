package org.teamsprovisioner.sandbox;

import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.teamsprovisioner.support.TestClock;
import org.teamsprovisioner.sandbox.entra.SandboxIssuer;
import org.teamsprovisioner.sandbox.http.SandboxJson;
import org.teamsprovisioner.sandbox.routes.SandboxRoutes;
import org.teamsprovisioner.sandbox.settings.SandboxProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator's router served over real HTTP by Reactor Netty on a free port, without a Spring
 * application context, plus a client and the clock it runs on. Public for the tests in the
 * sandbox's sub-packages, which reach package-private code of their own package over HTTP.
 */
public final class RunningSandbox implements AutoCloseable {

    /** Generating an RSA 2048 key is the slow part of a fixture, so all tests share one issuer. */
    public static final SandboxIssuer ISSUER = SandboxIssuer.generate();

    public static final Instant START = Instant.parse("2026-03-02T09:00:00.250Z");

    public final TestClock clock = TestClock.fixedAt(START);
    public final SandboxProperties properties;
    public final WebTestClient client;
    private final DisposableServer server;

    public RunningSandbox() {
        this(Map.of());
    }

    /** @param overrides provisioner.sandbox.* properties, kebab-case, as in a yml file */
    public RunningSandbox(Map<String, String> overrides) {
        this.properties = properties(overrides);
        this.server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle(new ReactorHttpHandlerAdapter(RouterFunctions.toHttpHandler(
                        SandboxRoutes.create(properties, ISSUER, clock).router())))
                .bindNow();
        this.client = WebTestClient.bindToServer()
                .baseUrl(baseUrl())
                .responseTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Binds like Spring Boot does, so the record's @DefaultValues are the ones under test. */
    public static SandboxProperties properties(Map<String, String> overrides) {
        return new Binder(new MapConfigurationPropertySource(overrides))
                .bindOrCreate("provisioner.sandbox", SandboxProperties.class);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** An absolute URI that keeps {@code rawPath} byte for byte (no template encoding). */
    public URI uri(String rawPath) {
        return URI.create(baseUrl() + rawPath);
    }

    public URI graph(String rawPath) {
        return uri(SandboxRoutes.GRAPH_V1 + rawPath);
    }

    public String graphToken() {
        return graphToken("sandbox-client", "sandbox-secret");
    }

    public String graphToken(String clientId, String clientSecret) {
        JsonNode body = json(client.post()
                .uri("/sandbox/login/sandbox-tenant/oauth2/v2.0/token")
                .body(BodyInserters.fromFormData("grant_type", "client_credentials")
                        .with("client_id", clientId)
                        .with("client_secret", clientSecret)
                        .with("scope", "https://graph.microsoft.com/.default"))
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        return body.get("access_token").stringValue();
    }

    public WebTestClient.ResponseSpec createTeam(String token, String json) {
        return client.post()
                .uri(graph("/teams"))
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }

    /** Creates a team with an owner and returns its 202's Location, e.g. /teams('x')/operations('y'). */
    public String createTeamLocation(String token, String displayName) {
        return createTeam(token, teamWithOwner(displayName))
                .expectStatus().isAccepted()
                .returnResult(Void.class).getResponseHeaders().getLocation().toString();
    }

    public WebTestClient.ResponseSpec get(String token, URI uri) {
        return client.get().uri(uri).header("Authorization", "Bearer " + token).exchange();
    }

    public JsonNode getJson(String token, URI uri) {
        return json(get(token, uri).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
    }

    public JsonNode state() {
        return json(client.get().uri("/sandbox/graph/_state").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
    }

    /** A {@code 200} of the token endpoint: a Graph token for {@code clientId} with exactly {@code roles}, and Graph takes it. */
    public void assertGraphTokenThatGraphAccepts(WebTestClient.ResponseSpec response, String clientId, String... roles) throws ParseException {
        String token = json(response.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody())
                .get("access_token").stringValue();
        JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
        assertThat(claims.getStringClaim("appid")).isEqualTo(clientId);
        assertThat(claims.getStringListClaim("roles")).containsExactly(roles);
        createTeam(token, SeedExamples.EXAMPLE_2).expectStatus().isAccepted();
    }

    /** An error of the token endpoint in Entra's shape, with its status, OAuth error and AADSTS code. */
    public static JsonNode entraError(WebTestClient.ResponseSpec response, int status, String error, int code) {
        JsonNode body = json(response.expectStatus().isEqualTo(status)
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(body.get("error").stringValue()).isEqualTo(error);
        assertThat(body.at("/error_codes/0").intValue()).isEqualTo(code);
        assertThat(body.get("error_description").stringValue()).startsWith("AADSTS" + code + ": ");
        return body;
    }

    public static JsonNode json(String body) {
        return SandboxJson.read(body);
    }

    /** Seed example 2 (application permissions, owner by object id) with another name. */
    public static String teamWithOwner(String displayName) {
        return """
                {
                   "template@odata.bind":"https://graph.microsoft.com/v1.0/teamsTemplates('standard')",
                   "displayName":"%s",
                   "description":"Created by a sandbox test",
                   "members":[
                      {
                         "@odata.type":"#microsoft.graph.aadUserConversationMember",
                         "roles":["owner"],
                         "user@odata.bind":"https://graph.microsoft.com/v1.0/users('0040b377-61d8-43db-94f5-81374122dc7e')"
                      }
                   ]
                }
                """.formatted(displayName);
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
