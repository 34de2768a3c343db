package org.teamsprovisioner.webhooks;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import org.teamsprovisioner.support.SandboxH2Test;

@TestPropertySource(properties = "provisioner.webhooks.enabled=false")
class WebhookStoresH2Test extends SandboxH2Test implements WebhookStoreScenarios {

    @Autowired
    ApplicationContext context;

    @Override
    public ApplicationContext context() {
        return context;
    }
}
