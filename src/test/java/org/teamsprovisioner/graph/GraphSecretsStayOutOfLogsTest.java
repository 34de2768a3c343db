package org.teamsprovisioner.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.teamsprovisioner.TeamsProvisionerApplication;
import org.teamsprovisioner.support.FreePort;
import org.teamsprovisioner.support.KubernetesIssuer;
import org.teamsprovisioner.support.ServiceTestSupport;
import org.teamsprovisioner.support.TestCertificates;

/**
 * Secrets never reach a log line, an error message or the actuator: the service starts with a client secret, gets
 * Graph tokens with each credential type while Spring's web client, Spring Security and the service log at DEBUG, and
 * the secret, the private key, the key password and the assertions appear nowhere in what it printed or in
 * /actuator/configprops and /actuator/env, even with their values shown.
 */
@ExtendWith(OutputCaptureExtension.class)
class GraphSecretsStayOutOfLogsTest {

    private static final String SECRET = "client-secret-" + UUID.randomUUID();
    private static final String KEY_PASSWORD = "key-password-" + UUID.randomUUID();
    private static final List<String> CHATTY = List.of("org.teamsprovisioner", "org.springframework.security",
            "org.springframework.web", "org.springframework.http", "org.springframework.boot.context.properties",
            "reactor.netty.http.client");

    @TempDir
    private Path files;

    @Test
    void propertiesPrintNeitherTheClientSecretNorTheKeyPassword() {
        GraphProperties properties = new GraphProperties(java.net.URI.create("https://graph.microsoft.com/v1.0"),
                java.net.URI.create(GraphProperties.PUBLIC_CLOUD), "{authority-host}{tenant-id}/oauth2/v2.0/token",
                "https://graph.microsoft.com/.default", "contoso", "app", SECRET,
                new GraphCredentialProperties(GraphCredentialProperties.Type.CERTIFICATE,
                        new GraphCredentialProperties.Certificate(Path.of("/etc/graph.pfx"), KEY_PASSWORD, null),
                        new GraphCredentialProperties.WorkloadIdentity(null)),
                java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(30), java.time.Duration.ofMinutes(5));

        assertThat(properties.toString()).doesNotContain(SECRET, KEY_PASSWORD)
                .contains("clientSecret=******", "keyPassword=******", "path=/etc/graph.pfx", "clientId=app");
    }

    @Test
    void noSecretAppearsWhileTheServiceStartsAndGetsTokensWithEveryCredential(CapturedOutput output) throws Exception {
        KeyPair key = TestCertificates.rsa();
        X509Certificate certificate = TestCertificates.selfSigned(key, Instant.now());
        Path pfx = Files.write(files.resolve("graph.pfx"), TestCertificates.pkcs12(key, certificate, KEY_PASSWORD));
        try (KubernetesIssuer cluster = new KubernetesIssuer(); ConfigurableApplicationContext service = start(
                "provisioner.graph.client-secret=" + SECRET,
                "provisioner.sandbox.clients[0].client-id=sandbox-client",
                "provisioner.sandbox.clients[0].client-secret=" + SECRET,
                "provisioner.sandbox.clients[0].roles=User.Read.All",
                "provisioner.sandbox.clients[1].client-id=cert-app",
                "provisioner.sandbox.clients[1].roles=User.Read.All",
                "provisioner.sandbox.clients[1].certificate=" + TestCertificates.pem(certificate),
                "provisioner.sandbox.clients[2].client-id=workload-app",
                "provisioner.sandbox.clients[2].roles=User.Read.All",
                "provisioner.sandbox.clients[2].federated-credentials[0].issuer=" + cluster.issuer(),
                "provisioner.sandbox.clients[2].federated-credentials[0].subject=" + cluster.subject("teams", "provisioner"))) {
            String projected = cluster.serviceAccountToken("teams", "provisioner", Instant.now());
            Path tokenFile = Files.writeString(files.resolve("azure-identity-token"), projected, StandardCharsets.US_ASCII);
            GraphProperties configured = service.getBean(GraphProperties.class);
            TestGraphClients clients = TestGraphClients.of(service);

            for (GraphProperties settings : List.of(configured,
                    TestGraphClients.withCredential(configured, "cert-app", new GraphCredentialProperties(
                            GraphCredentialProperties.Type.CERTIFICATE,
                            new GraphCredentialProperties.Certificate(pfx, KEY_PASSWORD, null),
                            new GraphCredentialProperties.WorkloadIdentity(null))),
                    TestGraphClients.withCredential(configured, "workload-app", new GraphCredentialProperties(
                            GraphCredentialProperties.Type.WORKLOAD_IDENTITY,
                            new GraphCredentialProperties.Certificate(null, null, null),
                            new GraphCredentialProperties.WorkloadIdentity(tokenFile))))) {
                assertThat(clients.client(settings).findUsers(List.of("alice@contoso.com")).block()).hasSize(1);
            }
            ServiceTestSupport http = new ServiceTestSupport() {
                @Override
                public int port() {
                    return service.getEnvironment().getProperty("local.server.port", Integer.class);
                }
            };
            String bearer = http.tokenFor("ops@contoso.com");
            for (String endpoint : List.of("/actuator/configprops", "/actuator/env")) {
                String shown = http.http().get().uri(endpoint).headers(h -> h.setBearerAuth(bearer)).exchange()
                        .expectStatus().isOk()
                        .expectBody(String.class).returnResult().getResponseBody();
                assertThat(shown).as(endpoint).contains("sandbox-client").doesNotContain(SECRET, KEY_PASSWORD);
            }

            assertThat(output.getAll()).contains("Netty started on port", "client_assertion_type, client_assertion] (content masked)")
                    .doesNotContain(SECRET, KEY_PASSWORD, projected, keyMaterial(key), "client_assertion=");
        }
        finally {
            quiet();
        }
    }

    @Test
    void aStartupThatFailsOnTheCertificateDoesNotPrintItsPasswordOrTheSecret(CapturedOutput output) {
        Throwable failure = catchThrowable(() -> start("provisioner.graph.client-secret=" + SECRET,
                "provisioner.graph.credential.type=certificate",
                "provisioner.graph.credential.certificate.path=" + files.resolve("missing.pfx"),
                "provisioner.graph.credential.certificate.key-password=" + KEY_PASSWORD).close());

        assertThat(failure).hasStackTraceContaining("provisioner.graph.credential.certificate.path '" + files.resolve("missing.pfx"));
        assertThat(output.getAll()).doesNotContain(SECRET, KEY_PASSWORD);
        assertThat(failure.toString() + java.util.Arrays.toString(failure.getStackTrace())).doesNotContain(SECRET, KEY_PASSWORD);
    }

    /** The sandbox profile on H2, logging as chattily as an operator chasing a token problem would make it. */
    /** @param properties {@code key=value}, as on the command line */
    private static ConfigurableApplicationContext start(String... properties) {
        Map<String, Object> settings = new java.util.HashMap<>(Map.of(
                "server.port", FreePort.find(),
                "provisioner.sandbox.database-name", "secrets-" + UUID.randomUUID(),
                "management.endpoints.web.exposure.include", "health,configprops,env",
                "management.endpoint.configprops.show-values", "always",
                "management.endpoint.env.show-values", "always"));
        CHATTY.forEach(logger -> settings.put("logging.level." + logger, "debug"));
        for (String property : properties) {
            String[] keyValue = property.split("=", 2);
            settings.put(keyValue[0], keyValue[1]);
        }
        String[] args = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(TeamsProvisionerApplication.class).profiles("sandbox", "test").run(args);
    }

    /** Logging levels outlive the context in this JVM; later tests must not run at DEBUG. */
    private static void quiet() {
        LoggingSystem logging = LoggingSystem.get(GraphSecretsStayOutOfLogsTest.class.getClassLoader());
        CHATTY.forEach(logger -> logging.setLogLevel(logger, (LogLevel) null));
    }

    /** A stretch of the private key's Base64, as it would appear in a logged PEM. */
    private static String keyMaterial(KeyPair key) {
        return Base64.getEncoder().encodeToString(key.getPrivate().getEncoded()).substring(100, 164);
    }
}
