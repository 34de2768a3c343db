package org.teamsprovisioner.api;

import org.springframework.stereotype.Component;
import org.teamsprovisioner.provisioning.RequestSummary;
import org.teamsprovisioner.webhooks.RequestViews;

/** A webhook's {@code data} is the view a portal polls: one mapping, {@link TeamRequestView}. */
@Component
class WebhookRequestViews implements RequestViews {

    @Override
    public Object view(RequestSummary summary) {
        return TeamRequestView.of(summary);
    }
}
