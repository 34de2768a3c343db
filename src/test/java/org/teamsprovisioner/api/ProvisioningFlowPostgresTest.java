package org.teamsprovisioner.api;

import org.teamsprovisioner.support.SandboxPostgresTest;

class ProvisioningFlowPostgresTest extends SandboxPostgresTest implements ProvisioningFlowScenarios {
}
