package org.teamsprovisioner.provisioning;

import java.time.Clock;
import org.springframework.stereotype.Component;

/** How a request ends well: SUCCEEDED, with the files-folder follow-up scheduled when it is on. */
@Component
class TeamSucceeded {

    private final ProvisioningProperties properties;
    private final Clock clock;

    TeamSucceeded(ProvisioningProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    StepResult of(TeamRequest request, String webUrl) {
        if (properties.filesFolderCheck().isZero()) {
            return StepResult.done(request.succeeded(webUrl, clock.instant()));
        }
        return StepResult.after(request.succeededWithFilesFolderCheck(webUrl, clock.instant()), properties.filesFolderCheck());
    }
}
