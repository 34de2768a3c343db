package org.teamsprovisioner.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The scope and app role a caller needs are settings; a value that could never match stops the start. */
class JwtPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(JwtProperties.class)
    static class Bound {
    }

    private final ApplicationContextRunner contexts = new ApplicationContextRunner().withUserConfiguration(Bound.class)
            .withPropertyValues("provisioner.security.jwt.issuer-uri=https://login.microsoftonline.com/t/v2.0",
                    "provisioner.security.jwt.audiences=api://teams-provisioner");

    @Test
    void scopeAndAppRoleDefaultToTheDocumentedNamesAndCanBeRenamed() {
        contexts.run(context -> assertThat(context.getBean(JwtProperties.class))
                .extracting(JwtProperties::userScope, JwtProperties::appRole)
                .containsExactly("TeamRequests.ReadWrite", "TeamRequests.Submit"));
        contexts.withPropertyValues("provisioner.security.jwt.user-scope=Teams.Request", "provisioner.security.jwt.app-role=Teams.Requester")
                .run(context -> assertThat(context.getBean(JwtProperties.class))
                        .extracting(JwtProperties::userScope, JwtProperties::appRole)
                        .containsExactly("Teams.Request", "Teams.Requester"));
    }

    @Test
    void aScopeWithASpaceStopsTheStart() {
        contexts.withPropertyValues("provisioner.security.jwt.user-scope=TeamRequests.Read TeamRequests.Write").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(BindValidationException.class)
                    .hasMessageContaining("userScope");
        });
    }
}
