package org.teamsprovisioner.api;

/** On H2, as the sandbox runs. */
class IdempotencyKeyExpiryH2Test extends IdempotencyKeyExpiryScenario {
}
