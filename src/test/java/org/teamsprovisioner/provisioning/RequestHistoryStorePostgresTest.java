package org.teamsprovisioner.provisioning;

import org.springframework.beans.factory.annotation.Autowired;
import org.teamsprovisioner.support.SandboxPostgresTest;

class RequestHistoryStorePostgresTest extends SandboxPostgresTest implements RequestHistoryStoreScenarios {

    @Autowired
    TeamRequestStore store;

    @Override
    public TeamRequestStore store() {
        return store;
    }
}
