package org.teamsprovisioner.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.teamsprovisioner.graph.GraphCredentialProperties.SigningAlgorithm;
import org.teamsprovisioner.support.KubernetesIssuer;
import org.teamsprovisioner.support.SandboxH2Test;
import org.teamsprovisioner.support.TestCertificates;
import org.teamsprovisioner.support.TestClock;
import reactor.core.publisher.Flux;

/**
 * The Graph client with each credential type against the simulator's token endpoint and Graph, over real HTTP: an app
 * registered with a certificate only, and one trusting a Kubernetes service account only (the cluster's OIDC issuer
 * served over HTTP too), so only the credential under test can get a token. A refused credential must surface as a
 * failed token request, which the circuit breakers ignore, never as a Graph outage.
 */
class GraphCredentialsSandboxTest extends SandboxH2Test {

    private static final String ALICE = "alice@contoso.com";
    private static final KeyPair KEY = TestCertificates.rsa();
    private static final X509Certificate CERTIFICATE = TestCertificates.selfSigned(KEY, Instant.now());
    private static final KeyPair STRANGER = TestCertificates.rsa();
    private static final KubernetesIssuer CLUSTER = new KubernetesIssuer();
    private static final String ROLES = "User.Read.All";

    @Autowired
    private GraphProperties properties;

    @Autowired
    private ApplicationContext service;

    @TempDir
    private Path files;

    @AfterAll
    static void stopCluster() {
        CLUSTER.close();
    }

    private static StandaloneSimulator simulator() {
        return new StandaloneSimulator(
                "clients[0].client-id=cert-app", "clients[0].roles=" + ROLES,
                "clients[0].certificate=" + TestCertificates.pem(CERTIFICATE),
                "clients[1].client-id=workload-app", "clients[1].roles=" + ROLES,
                "clients[1].federated-credentials[0].issuer=" + CLUSTER.issuer(),
                "clients[1].federated-credentials[0].subject=" + CLUSTER.subject("teams", "provisioner"));
    }

    private GraphProperties at(StandaloneSimulator simulator, String clientId, GraphCredentialProperties credential) {
        return TestGraphClients.withCredential(
                TestGraphClients.pointedAt(properties, simulator.root(), simulator.tenantId, properties.responseTimeout()),
                clientId, credential);
    }

    private static GraphCredentialProperties certificate(Path file, String password, SigningAlgorithm algorithm) {
        return new GraphCredentialProperties(GraphCredentialProperties.Type.CERTIFICATE,
                new GraphCredentialProperties.Certificate(file, password, algorithm), new GraphCredentialProperties.WorkloadIdentity(null));
    }

    private static GraphCredentialProperties workloadIdentity(Path tokenFile) {
        return new GraphCredentialProperties(GraphCredentialProperties.Type.WORKLOAD_IDENTITY,
                new GraphCredentialProperties.Certificate(null, null, null), new GraphCredentialProperties.WorkloadIdentity(tokenFile));
    }

    /** The PEM form Key Vault and openssl write: the PKCS#8 key, then the certificate. */
    private Path pem(KeyPair key, X509Certificate certificate) throws IOException {
        return Files.writeString(files.resolve(UUID.randomUUID() + ".pem"), TestCertificates.pem(key) + TestCertificates.pem(certificate));
    }

    private Path projectedToken(String serviceAccount) throws IOException {
        return Files.writeString(files.resolve("azure-identity-token"), CLUSTER.serviceAccountToken("teams", serviceAccount,
                Instant.now()), StandardCharsets.US_ASCII);
    }

    private GraphClient client(GraphProperties settings) {
        return TestGraphClients.of(service).client(settings);
    }

    private static GraphUser alice(GraphClient graph) {
        return graph.findUsers(List.of(ALICE)).map(found -> found.get(ALICE)).block();
    }

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void certificateInAPemFileGetsATokenAndGraphAnswers(SigningAlgorithm algorithm) throws IOException {
        try (var simulator = simulator()) {
            GraphClient graph = client(at(simulator, "cert-app", certificate(pem(KEY, CERTIFICATE), null, algorithm)));

            assertThat(alice(graph).userPrincipalName()).isEqualToIgnoringCase(ALICE);
        }
    }

    @Test
    void certificateInAPkcs12FileWithItsPasswordGetsATokenAndGraphAnswers() throws IOException {
        try (var simulator = simulator()) {
            Path pfx = Files.write(files.resolve("graph.pfx"), TestCertificates.pkcs12(KEY, CERTIFICATE, "pfx-password"));
            GraphClient graph = client(at(simulator, "cert-app", certificate(pfx, "pfx-password", SigningAlgorithm.PS256)));

            assertThat(alice(graph).userPrincipalName()).isEqualToIgnoringCase(ALICE);
        }
    }

    @Test
    void workloadIdentityGetsATokenWithTheProjectedServiceAccountTokenAndGraphAnswers() throws IOException {
        try (var simulator = simulator()) {
            GraphClient graph = client(at(simulator, "workload-app", workloadIdentity(projectedToken("provisioner"))));

            assertThat(alice(graph).userPrincipalName()).isEqualToIgnoringCase(ALICE);
        }
    }

    @ParameterizedTest
    @EnumSource(value = GraphCredentialProperties.Type.class, names = {"CERTIFICATE", "WORKLOAD_IDENTITY"})
    void concurrentCallsShareOneTokenRequestWhateverTheCredential(GraphCredentialProperties.Type type) throws IOException {
        try (var simulator = simulator()) {
            GraphClient graph = type == GraphCredentialProperties.Type.CERTIFICATE
                    ? client(at(simulator, "cert-app", certificate(pem(KEY, CERTIFICATE), null, SigningAlgorithm.PS256)))
                    : client(at(simulator, "workload-app", workloadIdentity(projectedToken("provisioner"))));

            Flux.range(0, 30).flatMap(i -> graph.findUsers(List.of(ALICE)), 30).blockLast(Duration.ofSeconds(20));

            assertThat(simulator.counters().get("tokenRequests").asLong()).isEqualTo(1);
        }
    }

    @Test
    void aCertificateTheAppDoesNotHaveIsATokenFailureNotAGraphOutage() throws IOException {
        try (var simulator = simulator()) {
            Path other = pem(STRANGER, TestCertificates.selfSigned(STRANGER, Instant.now()));

            assertTokenFailure(simulator, at(simulator, "cert-app", certificate(other, null, SigningAlgorithm.PS256)), service.getBean(Clock.class), "AADSTS700027");
        }
    }

    @Test
    void anAssertionExpiredByTheTimeEntraSeesItIsATokenFailure() throws IOException {
        try (var simulator = simulator()) {
            // This replica's clock runs ten minutes late: its five-minute assertions have expired when they arrive.
            TestClock late = TestClock.live();
            late.advance(Duration.ofMinutes(-10));

            assertTokenFailure(simulator, at(simulator, "cert-app", certificate(pem(KEY, CERTIFICATE), null, SigningAlgorithm.PS256)), late,
                    "AADSTS700024");
        }
    }

    @Test
    void aServiceAccountTheAppDoesNotTrustIsATokenFailure() throws IOException {
        try (var simulator = simulator()) {
            assertTokenFailure(simulator, at(simulator, "workload-app", workloadIdentity(projectedToken("intruder"))),
                    service.getBean(Clock.class), "AADSTS70021");
        }
    }

    @Test
    void theProjectedTokenIsReadAgainForEveryTokenRequestSoKubeletsRotationIsSeen() throws IOException {
        try (var simulator = simulator()) {
            Path tokenFile = projectedToken("intruder");
            // A new Graph token for every call (the sandbox's last an hour), so every call reads the file.
            GraphProperties eager = at(simulator, "workload-app", workloadIdentity(tokenFile));
            eager = new GraphProperties(eager.baseUrl(), eager.authorityHost(), eager.tokenUri(), eager.scope(), eager.tenantId(),
                    eager.clientId(), null, eager.credential(), eager.connectTimeout(), eager.responseTimeout(),
                    Duration.ofMinutes(61));
            GraphClient graph = client(eager);
            assertThat(catchThrowableOfType(GraphException.class, () -> alice(graph)).getMessage()).contains("AADSTS70021");

            projectedToken("provisioner");
            assertThat(alice(graph).userPrincipalName()).isEqualToIgnoringCase(ALICE);

            projectedToken("intruder");
            assertThat(catchThrowableOfType(GraphException.class, () -> alice(graph)).getMessage()).contains("AADSTS70021");
        }
    }

    /** Refused by Entra: TokenRequestFailed, ignored by the breaker, and Graph never called. */
    private void assertTokenFailure(StandaloneSimulator simulator, GraphProperties settings, Clock clientClock, String aadsts) {
        CircuitBreaker breaker = CircuitBreaker.of("token-" + UUID.randomUUID(),
                CircuitBreakerConfig.from(TestGraphClients.LENIENT_BREAKER).minimumNumberOfCalls(2).slidingWindowSize(2).build());
        TestGraphClients clients = TestGraphClients.of(service).at(clientClock);
        GraphClient graph = clients.client(settings, clients.guards(settings.tenantId(),
                TestGraphClients.retry(TestGraphClients.FAST_RETRY), breaker, service.getBean(DatabaseClient.class)));

        for (int i = 0; i < 3; i++) {
            GraphException refused = catchThrowableOfType(GraphException.class,
                    () -> graph.getTeam(UUID.randomUUID().toString()).block());
            assertThat(refused.code()).isEqualTo(GraphTokenFilter.TOKEN_REQUEST_FAILED);
            assertThat(refused.getMessage()).contains("invalid_", aadsts);
            assertThat(new NotGraphsOutcome().test(refused)).isTrue();
            assertThat(new GraphOutage().test(refused)).isFalse();
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.getMetrics().getNumberOfBufferedCalls()).isZero();
        assertThat(simulator.counters().get("callsByRoute").propertyNames()).noneMatch(route -> route.startsWith("GET /teams"));
    }
}
