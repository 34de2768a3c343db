package org.teamsprovisioner.sandbox.webhooks;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;
import org.teamsprovisioner.sandbox.RunningSandbox;
import org.teamsprovisioner.sandbox.SandboxConfiguration;
import org.teamsprovisioner.sandbox.settings.SandboxProperties;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxWebhookSettingsTest {

    @Test
    void receiverSettingsDefaultToTheDocumentedValues() {
        SandboxProperties.Webhooks webhooks = RunningSandbox.properties(Map.of()).webhooks();

        assertThat(webhooks.history()).isEqualTo(200);
        assertThat(webhooks.maxReceivers()).isEqualTo(100);
        assertThat(webhooks.maxBodySize()).isEqualTo(DataSize.ofKilobytes(256));
        assertThat(webhooks.tolerance()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void receiverSettingsOutOfRangeStopTheApplication() {
        new ApplicationContextRunner().withUserConfiguration(SandboxConfiguration.class)
                .withPropertyValues("spring.profiles.active=sandbox", "provisioner.sandbox.webhooks.history=0",
                        "provisioner.sandbox.webhooks.max-receivers=0", "provisioner.sandbox.webhooks.max-body-size=64MB",
                        "provisioner.sandbox.webhooks.tolerance=0s")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .isInstanceOf(BindValidationException.class)
                            .hasMessageContaining("webhooks.history")
                            .hasMessageContaining("webhooks.maxReceivers")
                            .hasMessageContaining("webhooks.maxBodySizeInRange")
                            .hasMessageContaining("webhooks.tolerance");
                });
    }
}
