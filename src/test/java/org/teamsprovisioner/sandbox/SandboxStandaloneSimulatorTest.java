package org.teamsprovisioner.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.util.List;
import java.util.ServiceLoader;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.teamsprovisioner.AlternativeProgram;
import org.teamsprovisioner.support.FreePort;
import tools.jackson.databind.JsonNode;

/** {@code --spring.profiles.active=graph-simulator}: the simulator alone, as several service instances share it. */
class SandboxStandaloneSimulatorTest {

    private static ConfigurableApplicationContext simulator;
    private static WebTestClient http;

    @BeforeAll
    static void start() {
        int port = FreePort.find();
        String[] args = {"--spring.profiles.active=graph-simulator", "--server.port=" + port};
        assertThat(GraphSimulatorApplication.isRequested(args)).isTrue();
        simulator = GraphSimulatorApplication.run(args);
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            --spring.profiles.active=graph-simulator         | true
            --spring.profiles.active=metrics, graph-simulator | true
            --spring.profiles.active=sandbox                 | false
            --server.port=9000                               | false
            """)
    void standaloneModeIsChosenByTheActiveProfile(String argument, boolean standalone) {
        assertThat(GraphSimulatorApplication.isRequested(new String[] {argument})).isEqualTo(standalone);
    }

    /** TeamsProvisionerApplication.main runs the first program found this way that the command line asks for. */
    @Test
    void theServiceFindsTheSimulatorAsItsOnlyAlternativeProgramWithoutNamingIt() {
        List<AlternativeProgram> programs = ServiceLoader.load(AlternativeProgram.class).stream()
                .map(ServiceLoader.Provider::get).toList();

        assertThat(programs).singleElement().isInstanceOf(GraphSimulatorProgram.class);
        assertThat(programs.get(0).isRequested(new String[] {"--spring.profiles.active=graph-simulator"})).isTrue();
        assertThat(programs.get(0).isRequested(new String[] {"--spring.profiles.active=sandbox"})).isFalse();
    }

    @Test
    void servesOnlyTheSimulatorWithoutADatabase() {
        assertThat(simulator.getBeanNamesForType(DataSource.class)).isEmpty();
        assertThat(simulator.getBeanNamesForType(io.r2dbc.spi.ConnectionFactory.class)).isEmpty();

        http.get().uri("/api/v1/team-requests").exchange().expectStatus().isNotFound();
        http.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    @Test
    void receivesWebhooksAsTheInProcessSandboxDoes() {
        http.post().uri("/sandbox/webhooks/standalone").contentType(MediaType.parseMediaType("application/cloudevents+json"))
                .bodyValue("{\"specversion\":\"1.0\",\"id\":\"evt-1\",\"source\":\"urn:test\","
                        + "\"type\":\"org.teamsprovisioner.teamrequest.failed\"}")
                .exchange().expectStatus().isNoContent();

        JsonNode state = http.get().uri("/sandbox/webhooks/_state").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(state.at("/receivers/standalone/deliveries/0/event/type").asString())
                .isEqualTo("org.teamsprovisioner.teamrequest.failed");
    }

    @Test
    void issuesGraphTokensAndUserTokensThatItsPublishedKeysVerify() throws Exception {
        JsonNode graphToken = http.post().uri("/sandbox/login/sandbox-tenant/oauth2/v2.0/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "client_credentials")
                        .with("client_id", "sandbox-client").with("client_secret", "sandbox-secret")
                        .with("scope", "https://graph.microsoft.com/.default"))
                .exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode userToken = http.post().uri("/sandbox/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("user", "alice@contoso.com"))
                .exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        String keys = http.get().uri("/sandbox/login/sandbox-tenant/discovery/v2.0/keys").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        RSAKey key = JWKSet.parse(keys).getKeys().get(0).toRSAKey();
        assertThat(key.isPrivate()).isFalse();
        assertThat(SignedJWT.parse(graphToken.get("access_token").asString()).verify(new RSASSAVerifier(key))).isTrue();
        assertThat(SignedJWT.parse(userToken.get("access_token").asString()).verify(new RSASSAVerifier(key))).isTrue();
    }
}
