package org.teamsprovisioner.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.teamsprovisioner.security.LocalTokenIssuerKeys;
import org.teamsprovisioner.sandbox.settings.SandboxProperties;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxConfigurationTest {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withUserConfiguration(SandboxConfiguration.class);

    @Test
    void propertiesDefaultToTheDocumentedValues() {
        SandboxProperties properties = RunningSandbox.properties(Map.of());

        assertThat(properties.databaseName()).isEqualTo("teams-provisioner");
        assertThat(properties.tenantId()).isEqualTo("sandbox-tenant");
        assertThat(properties.clients()).containsExactly(new SandboxProperties.Client("sandbox-client",
                "sandbox-secret", List.of("Team.Create", "Group.ReadWrite.All", "User.Read.All", "TeamMember.ReadWrite.All")));
        assertThat(properties.tokenLifetime()).isEqualTo(Duration.ofHours(1));
        assertThat(properties.userTokens().issuer()).isEqualTo("https://sandbox.teams-provisioner.invalid/issuer");
        assertThat(properties.userTokens().audience()).isEqualTo("api://teams-provisioner");
        assertThat(properties.userTokens().scope()).isEqualTo("TeamRequests.ReadWrite");
        assertThat(properties.operations().notStarted()).isEqualTo(Duration.ofMillis(300));
        assertThat(properties.operations().inProgress()).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.operations().failureMarker()).isEqualTo("[fail]");
    }

    @Test
    void kebabCaseKeysOverrideTheDefaults() {
        SandboxProperties properties = RunningSandbox.properties(Map.of(
                "provisioner.sandbox.tenant-id", "contoso",
                "provisioner.sandbox.clients[0].client-id", "reader",
                "provisioner.sandbox.clients[0].client-secret", "s3cret",
                "provisioner.sandbox.clients[0].roles", "Team.ReadBasic.All",
                "provisioner.sandbox.token-lifetime", "5m",
                "provisioner.sandbox.user-tokens.audience", "api://other",
                "provisioner.sandbox.operations.in-progress", "10s",
                "provisioner.sandbox.operations.failure-marker", "#boom"));

        assertThat(properties.tenantId()).isEqualTo("contoso");
        assertThat(properties.clients()).containsExactly(
                new SandboxProperties.Client("reader", "s3cret", List.of("Team.ReadBasic.All")));
        assertThat(properties.tokenLifetime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(properties.userTokens().audience()).isEqualTo("api://other");
        assertThat(properties.userTokens().issuer()).isEqualTo("https://sandbox.teams-provisioner.invalid/issuer");
        assertThat(properties.operations().inProgress()).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.operations().failureMarker()).isEqualTo("#boom");
    }

    @Test
    void sandboxProfileExposesTheRouterAndAPublicOnlyJwkSet() {
        contexts.withPropertyValues("spring.profiles.active=sandbox").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasBean("sandboxRouter").hasBean("sandboxTokenIssuerKeys");
            assertThat(context.getBean("sandboxRouter")).isInstanceOf(RouterFunction.class);
            JWKSet jwks = context.getBean(LocalTokenIssuerKeys.class).publicKeys();
            assertThat(jwks.getKeys()).hasSize(1);
            RSAKey key = (RSAKey) jwks.getKeys().get(0);
            assertThat(key.isPrivate()).isFalse();
            assertThat(key.getKeyID()).startsWith("sandbox-");
            assertThat(key.size()).isEqualTo(2048);
        });
    }

    @Test
    void withoutTheSandboxProfileNothingIsRegistered() {
        contexts.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(LocalTokenIssuerKeys.class).doesNotHaveBean("sandboxRouter");
        });
    }

    @Test
    void invalidPropertiesStopTheApplication() {
        contexts.withPropertyValues("spring.profiles.active=sandbox", "provisioner.sandbox.tenant-id= ",
                "provisioner.sandbox.token-lifetime=0s").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOf(BindValidationException.class)
                    .hasMessageContaining("tenantId")
                    .hasMessageContaining("tokenLifetime");
        });
    }
}
