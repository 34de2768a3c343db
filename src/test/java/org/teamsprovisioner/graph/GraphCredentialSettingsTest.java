package org.teamsprovisioner.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * provisioner.graph.credential.* as application.yml binds it: the type chosen by configuration, the fields each
 * type needs required at start, and the workload identity webhook's environment variables used unless properties
 * say otherwise. The webhook's variables are given as properties here, which is how Spring resolves them too.
 */
class GraphCredentialSettingsTest {

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(Settings.class);

    /** What the webhook injects into a pod labelled azure.workload.identity/use: "true", here for Azure Government. */
    private static final String[] WEBHOOK = {
        "AZURE_CLIENT_ID=11111111-2222-3333-4444-555555555555",
        "AZURE_TENANT_ID=66666666-7777-8888-9999-000000000000",
        "AZURE_AUTHORITY_HOST=https://login.microsoftonline.us/",
        "AZURE_FEDERATED_TOKEN_FILE=/var/run/secrets/azure/tokens/azure-identity-token"};

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(GraphProperties.class)
    static class Settings {
    }

    @Test
    void withoutATypeTheCredentialIsTheClientSecretAsBefore() {
        service.withPropertyValues("PROVISIONER_GRAPH_TENANT_ID=contoso", "PROVISIONER_GRAPH_CLIENT_ID=app",
                        "PROVISIONER_GRAPH_CLIENT_SECRET=s3cret")
                .run(context -> {
                    GraphProperties graph = context.getBean(GraphProperties.class);
                    assertThat(graph.credential().type()).isEqualTo(GraphCredentialProperties.Type.CLIENT_SECRET);
                    assertThat(graph.clientSecret()).isEqualTo("s3cret");
                    assertThat(graph.resolvedTokenUri()).isEqualTo("https://login.microsoftonline.com/contoso/oauth2/v2.0/token");
                });
    }

    @Test
    void workloadIdentityTakesClientTenantAuthorityAndTokenFileFromTheWebhooksEnvironment() {
        service.withPropertyValues(WEBHOOK).withPropertyValues("PROVISIONER_GRAPH_CREDENTIAL_TYPE=workload-identity")
                .run(context -> {
                    GraphProperties graph = context.getBean(GraphProperties.class);
                    assertThat(graph.credential().type()).isEqualTo(GraphCredentialProperties.Type.WORKLOAD_IDENTITY);
                    assertThat(graph.clientId()).isEqualTo("11111111-2222-3333-4444-555555555555");
                    assertThat(graph.tenantId()).isEqualTo("66666666-7777-8888-9999-000000000000");
                    assertThat(graph.resolvedTokenUri())
                            .isEqualTo("https://login.microsoftonline.us/66666666-7777-8888-9999-000000000000/oauth2/v2.0/token");
                    assertThat(graph.credential().workloadIdentity().tokenFile())
                            .isEqualTo(Path.of("/var/run/secrets/azure/tokens/azure-identity-token"));
                });
    }

    @Test
    void propertiesWinOverTheWebhooksEnvironment() {
        service.withPropertyValues(WEBHOOK).withPropertyValues("provisioner.graph.credential.type=workload-identity",
                        "PROVISIONER_GRAPH_CLIENT_ID=provisioner-app", "provisioner.graph.tenant-id=contoso",
                        "provisioner.graph.authority-host=https://login.partner.microsoftonline.cn",
                        "provisioner.graph.credential.workload-identity.token-file=/mnt/token")
                .run(context -> {
                    GraphProperties graph = context.getBean(GraphProperties.class);
                    assertThat(graph.clientId()).isEqualTo("provisioner-app");
                    assertThat(graph.tenantId()).isEqualTo("contoso");
                    assertThat(graph.resolvedTokenUri())
                            .isEqualTo("https://login.partner.microsoftonline.cn/contoso/oauth2/v2.0/token");
                    assertThat(graph.credential().workloadIdentity().tokenFile()).isEqualTo(Path.of("/mnt/token"));
                });
    }

    @Test
    void workloadIdentityOutsideAWebhookInjectedPodDoesNotStart() {
        service.withPropertyValues("PROVISIONER_GRAPH_TENANT_ID=contoso", "PROVISIONER_GRAPH_CLIENT_ID=app",
                        "provisioner.graph.credential.type=workload-identity")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("provisioner.graph.credential.workload-identity.token-file (env"
                                + " AZURE_FEDERATED_TOKEN_FILE")
                        .hasStackTraceContaining("is required when provisioner.graph.credential.type is workload-identity"));
    }

    @Test
    void theClientSecretTypeWithoutASecretDoesNotStart() {
        service.withPropertyValues("PROVISIONER_GRAPH_TENANT_ID=contoso", "PROVISIONER_GRAPH_CLIENT_ID=app")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("provisioner.graph.client-secret (env PROVISIONER_GRAPH_CLIENT_SECRET) is"
                                + " required when provisioner.graph.credential.type is client-secret"));
    }

    @Test
    void theCertificateTypeWithoutAFileDoesNotStartAndNeedsNoSecret() {
        service.withPropertyValues("PROVISIONER_GRAPH_TENANT_ID=contoso", "PROVISIONER_GRAPH_CLIENT_ID=app",
                        "provisioner.graph.credential.type=certificate")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("provisioner.graph.credential.certificate.path is required"));
        service.withPropertyValues("PROVISIONER_GRAPH_TENANT_ID=contoso", "PROVISIONER_GRAPH_CLIENT_ID=app",
                        "provisioner.graph.credential.type=certificate", "provisioner.graph.credential.certificate.path=/etc/graph.pem")
                .run(context -> assertThat(context.getBean(GraphProperties.class).credential().certificate().algorithm())
                        .isEqualTo(GraphCredentialProperties.SigningAlgorithm.PS256));
    }
}
