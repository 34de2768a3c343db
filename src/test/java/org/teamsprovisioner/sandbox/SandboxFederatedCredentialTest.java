package org.teamsprovisioner.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.teamsprovisioner.support.KubernetesIssuer;
import org.teamsprovisioner.sandbox.settings.SandboxProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Workload identity federation at the sandbox token endpoint: a Kubernetes service account token,
 * issued by a cluster whose OIDC issuer serves its discovery document and keys over real HTTP, as
 * the {@code client_assertion} of an app with a federated identity credential for that issuer and
 * service account.
 */
class SandboxFederatedCredentialTest {

    private static final String TOKEN_PATH = "/sandbox/login/sandbox-tenant/oauth2/v2.0/token";
    private static final Instant NOW = RunningSandbox.START;

    private static final KubernetesIssuer CLUSTER = new KubernetesIssuer();
    private static final KubernetesIssuer OTHER_CLUSTER = new KubernetesIssuer();
    private static final KubernetesIssuer GONE_CLUSTER = new KubernetesIssuer();

    private final RunningSandbox sandbox = new RunningSandbox(settings());

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @AfterAll
    static void stopClusters() {
        CLUSTER.close();
        OTHER_CLUSTER.close();
        GONE_CLUSTER.close();
    }

    private static Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("provisioner.sandbox.clients[0].client-id", "workload-client");
        settings.put("provisioner.sandbox.clients[0].roles", "Team.Create");
        settings.put("provisioner.sandbox.clients[0].federated-credentials[0].issuer", CLUSTER.issuer());
        settings.put("provisioner.sandbox.clients[0].federated-credentials[0].subject", CLUSTER.subject("teams", "provisioner"));
        settings.put("provisioner.sandbox.clients[0].federated-credentials[1].issuer", GONE_CLUSTER.issuer());
        settings.put("provisioner.sandbox.clients[0].federated-credentials[1].subject", GONE_CLUSTER.subject("teams", "provisioner"));
        settings.put("provisioner.sandbox.clients[1].client-id", "secret-client");
        settings.put("provisioner.sandbox.clients[1].client-secret", "secret");
        return settings;
    }

    @Test
    void serviceAccountTokenOfTheTrustedWorkloadGetsAGraphTokenThatGraphAccepts() throws Exception {
        sandbox.assertGraphTokenThatGraphAccepts(post("workload-client", CLUSTER.serviceAccountToken("teams", "provisioner", NOW)),
                "workload-client", "Team.Create");
    }

    @Test
    void oneServiceAccountTokenServesEveryTokenRequestOfItsLifetime() {
        String projected = CLUSTER.serviceAccountToken("teams", "provisioner", NOW.minus(Duration.ofMinutes(50)));

        post("workload-client", projected).expectStatus().isOk();
        post("workload-client", projected).expectStatus().isOk();
    }

    static Stream<Arguments> refusedTokens() {
        return Stream.of(
                refused("another service account", () -> CLUSTER.serviceAccountToken("teams", "intruder", NOW), 400,
                        "invalid_request", 70021, "Assertion Subject: 'system:serviceaccount:teams:intruder'"),
                refused("the service account of another namespace", () -> CLUSTER.serviceAccountToken("other", "provisioner", NOW),
                        400, "invalid_request", 70021, "Assertion Subject: 'system:serviceaccount:other:provisioner'"),
                refused("another cluster's issuer", () -> OTHER_CLUSTER.serviceAccountToken("teams", "provisioner", NOW), 400,
                        "invalid_request", 70021, "Assertion Issuer: '" + OTHER_CLUSTER.issuer() + "'"),
                refused("a token for the Kubernetes API instead of Entra", () -> CLUSTER.sign(
                        CLUSTER.claims("teams", "provisioner", NOW, Duration.ofHours(1)).audience("https://kubernetes.default.svc")),
                        400, "invalid_request", 70021, "Assertion Audience: 'https://kubernetes.default.svc'"),
                refused("expired: kubelet stopped rotating it", () -> CLUSTER.serviceAccountToken("teams", "provisioner",
                        NOW.minus(Duration.ofMinutes(61))), 401, "invalid_client", 700024, "not within its valid time range"),
                refused("signed with a key the issuer does not publish", () -> CLUSTER.signWithUnpublishedKey(
                        CLUSTER.claims("teams", "provisioner", NOW, Duration.ofHours(1))), 401, "invalid_client", 50027,
                        "failed signature verification"),
                refused("an issuer whose discovery document cannot be fetched", () -> {
                    GONE_CLUSTER.close();
                    return GONE_CLUSTER.serviceAccountToken("teams", "provisioner", NOW);
                }, 400, "invalid_request", 90061, "Request to External OIDC endpoint failed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void tokenNoFederatedCredentialTrustsIsRefusedWithEntrasCode(String scenario, Supplier<String> token,
            int status, String error, int code, String message) {
        JsonNode body = RunningSandbox.entraError(post("workload-client", token.get()), status, error, code);

        assertThat(body.get("error_description").stringValue()).as(scenario).contains(message);
    }

    @Test
    void anAppWithoutFederatedCredentialsTrustsNoServiceAccount() {
        RunningSandbox.entraError(post("secret-client", CLUSTER.serviceAccountToken("teams", "provisioner", NOW)), 400, "invalid_request", 70021);
    }

    @Test
    void anAppWithOnlyAFederatedCredentialIsValidAndOneWithoutSubjectStopsTheApplication() {
        ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(SandboxConfiguration.class)
                .withPropertyValues("spring.profiles.active=sandbox", "provisioner.sandbox.clients[0].client-id=workload",
                        "provisioner.sandbox.clients[0].federated-credentials[0].issuer=" + CLUSTER.issuer());

        runner.withPropertyValues("provisioner.sandbox.clients[0].federated-credentials[0].subject=system:serviceaccount:a:b")
                .run(context -> assertThat(context.getBean(SandboxProperties.class).clients().get(0).federatedCredentials())
                        .containsExactly(new SandboxProperties.FederatedCredential(CLUSTER.issuer(), "system:serviceaccount:a:b",
                                List.of(KubernetesIssuer.TOKEN_EXCHANGE_AUDIENCE))));
        runner.run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(BindValidationException.class)
                    .hasMessageContaining("subject");
        });
    }

    private static Arguments refused(String scenario, Supplier<String> token, int status, String error,
            int code, String message) {
        return arguments(scenario, token, status, error, code, message);
    }

    private WebTestClient.ResponseSpec post(String clientId, String assertion) {
        return sandbox.client.post().uri(TOKEN_PATH).body(BodyInserters.fromFormData("grant_type", "client_credentials")
                        .with("client_id", clientId)
                        .with("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                        .with("client_assertion", assertion)
                        .with("scope", "https://graph.microsoft.com/.default"))
                .exchange();
    }
}
