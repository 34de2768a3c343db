package org.teamsprovisioner.provisioning;

import reactor.core.publisher.Mono;

/** What one step does in Graph; {@link ProvisioningSteps} says which handler runs which step. */
interface StepHandler {

    /**
     * @param reconcileFirst a POST of this step may have reached Graph without its result being
     *     stored: look for what it made before sending anything
     */
    Mono<StepResult> run(TeamRequest request, boolean reconcileFirst);
}
