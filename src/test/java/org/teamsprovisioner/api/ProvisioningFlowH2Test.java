package org.teamsprovisioner.api;

import org.teamsprovisioner.support.SandboxH2Test;

class ProvisioningFlowH2Test extends SandboxH2Test implements ProvisioningFlowScenarios {
}
