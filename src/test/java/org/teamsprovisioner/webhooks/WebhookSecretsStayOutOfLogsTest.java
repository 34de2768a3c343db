package org.teamsprovisioner.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.teamsprovisioner.TeamsProvisionerApplication;
import org.teamsprovisioner.support.FreePort;
import org.teamsprovisioner.support.PostgresDatabase;
import org.teamsprovisioner.support.ServiceTestSupport;
import tools.jackson.databind.JsonNode;

/**
 * Webhook secrets never reach a log line or the actuator: the service starts with a subscription
 * configured with its secret, an application subscribes (a secret made) and rotates (another one),
 * events are delivered and signed with all three, while the service, Spring's web and codec layers,
 * R2DBC and the configuration binder log at DEBUG; none of the secrets, nor their key part without
 * {@code whsec_}, appears in what the service printed or in /actuator/configprops and /actuator/env
 * with their values shown. On the sandbox's H2 and on PostgreSQL, whose drivers log differently.
 */
@ExtendWith(OutputCaptureExtension.class)
class WebhookSecretsStayOutOfLogsTest {

    private static final String CONFIGURED = WebhookSecret.generate();
    private static final List<String> CHATTY = List.of("org.teamsprovisioner", "org.springframework.web", "org.springframework.http",
            "org.springframework.core.codec", "org.springframework.r2dbc", "io.r2dbc", "org.springframework.boot.context.properties",
            "reactor.netty.http.client", "com.github.kagkarlsson");

    @Test
    void aSubscriptionPrintsNeitherItsSecretNorThePreviousOne() {
        java.time.Instant now = java.time.Instant.now();
        String secret = WebhookSecret.generate();
        String previous = WebhookSecret.generate();
        WebhookSubscription subscription = new WebhookSubscription(UUID.randomUUID(), "printed-app", false, null,
                java.net.URI.create("https://hooks.example.org/x"), java.util.Set.of(org.teamsprovisioner.provisioning.RequestEvent.Type.SUBMITTED),
                previous, null, null, WebhookSubscription.Status.ACTIVE, null, now, now).rotated(secret, now, now.plusSeconds(60));

        assertThat(subscription.toString()).doesNotContain(secret, previous, secret.substring(6), previous.substring(6))
                .contains("owner=printed-app", "secret=(hidden)", "previousSecret=(hidden)");
        assertThat(new WebhookProperties.Configured("platform", java.net.URI.create("https://hooks.example.org/p"), List.of("x"), secret)
                .toString()).doesNotContain(secret).contains("secret=(hidden)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void noWebhookSecretAppearsWhileSubscriptionsAreMadeRotatedAndDeliveredTo(String database, CapturedOutput output) throws Exception {
        try (TestReceiver receiver = new TestReceiver(); ConfigurableApplicationContext service = start(receiver, database)) {
            ServiceTestSupport http = new ServiceTestSupport() {
                @Override
                public int port() {
                    return service.getEnvironment().getProperty("local.server.port", Integer.class);
                }
            };
            String app = http.appToken("secretive-app", WebhookDeliveryH2Test.SUBMIT, WebhookDeliveryH2Test.WEBHOOKS);
            JsonNode created = http.http().post().uri("/api/v1/webhooks").headers(h -> h.setBearerAuth(app))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("url", receiver.url("/app"), "types", List.of("org.teamsprovisioner.teamrequest.submitted")))
                    .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
            String id = created.get("id").asString();
            String rotated = http.http().post().uri("/api/v1/webhooks/" + id + "/rotate-secret").headers(h -> h.setBearerAuth(app))
                    .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().get("secret").asString();
            List<String> secrets = List.of(CONFIGURED, created.get("secret").asString(), rotated);
            http.submit(app, "{\"displayName\":\"Secretive " + UUID.randomUUID() + "\",\"owners\":[\"alice@contoso.com\"]}")
                    .expectStatus().isAccepted();

            // Signed with the rotated secret and the one before it, and the configured one: all three were used.
            String appSignatures = receiver.await("/app", got -> !got.isEmpty(), Duration.ofSeconds(30)).get(0).header("webhook-signature");
            assertThat(appSignatures.split(" ")).hasSize(2);
            receiver.await("/platform", got -> !got.isEmpty(), Duration.ofSeconds(30));
            String bearer = http.tokenFor("ops@contoso.com");
            List<String> forbidden = new ArrayList<>(secrets);
            secrets.forEach(secret -> forbidden.add(secret.substring(WebhookSecret.PREFIX.length())));
            for (String endpoint : List.of("/actuator/configprops", "/actuator/env")) {
                String shown = http.http().get().uri(endpoint).headers(h -> h.setBearerAuth(bearer)).exchange()
                        .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
                assertThat(shown).as(endpoint).contains(receiver.url("/platform")).doesNotContain(forbidden);
            }
            assertThat(output.getAll()).contains("Netty started on port").doesNotContain(forbidden);
        } finally {
            quiet();
        }
    }

    /** The sandbox profile on its H2 or on a PostgreSQL database of its own, logging as chattily as someone chasing a query would. */
    private static ConfigurableApplicationContext start(TestReceiver receiver, String database) {
        Map<String, Object> settings = new java.util.HashMap<>(Map.of(
                "server.port", FreePort.find(),
                "provisioner.sandbox.database-name", "webhook-secrets-" + UUID.randomUUID(),
                "management.endpoints.web.exposure.include", "health,configprops,env",
                "management.endpoint.configprops.show-values", "always",
                "management.endpoint.env.show-values", "always",
                "provisioner.webhooks.fan-out-interval", "200ms",
                "provisioner.webhooks.polling-interval", "200ms"));
        settings.put("provisioner.webhooks.subscriptions[0].name", "platform");
        settings.put("provisioner.webhooks.subscriptions[0].url", receiver.url("/platform"));
        settings.put("provisioner.webhooks.subscriptions[0].types", "org.teamsprovisioner.teamrequest.submitted");
        settings.put("provisioner.webhooks.subscriptions[0].secret", CONFIGURED);
        if (database.equals("PostgreSQL")) {
            settings.putAll(PostgresDatabase.fresh().connectionProperties());
        }
        CHATTY.forEach(logger -> settings.put("logging.level." + logger, "debug"));
        String[] args = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(TeamsProvisionerApplication.class).profiles("sandbox", "test").run(args);
    }

    /** Logging levels outlive the context in this JVM; later tests must not run at DEBUG. */
    private static void quiet() {
        LoggingSystem logging = LoggingSystem.get(WebhookSecretsStayOutOfLogsTest.class.getClassLoader());
        CHATTY.forEach(logger -> logging.setLogLevel(logger, (LogLevel) null));
    }
}
