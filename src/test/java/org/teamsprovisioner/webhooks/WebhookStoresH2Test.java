package org.teamsprovisioner.webhooks;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.teamsprovisioner.provisioning.TeamRequestStore;
import org.teamsprovisioner.support.SandboxH2Test;

@TestPropertySource(properties = "provisioner.webhooks.enabled=false")
class WebhookStoresH2Test extends SandboxH2Test implements WebhookStoreScenarios {

    @Autowired
    WebhookDeliveryStore deliveries;
    @Autowired
    WebhookSubscriptionStore subscriptions;
    @Autowired
    FanOutEvents fanOut;
    @Autowired
    TeamRequestStore requests;
    @Autowired
    RedeliverWebhook redeliver;
    @Autowired
    DatabaseClient db;

    @Override
    public WebhookDeliveryStore deliveries() {
        return deliveries;
    }

    @Override
    public WebhookSubscriptionStore subscriptions() {
        return subscriptions;
    }

    @Override
    public FanOutEvents fanOut() {
        return fanOut;
    }

    @Override
    public TeamRequestStore requests() {
        return requests;
    }

    @Override
    public RedeliverWebhook redeliverWebhook() {
        return redeliver;
    }

    @Override
    public DatabaseClient db() {
        return db;
    }
}
