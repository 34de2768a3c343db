package org.teamsprovisioner.provisioning;

import org.springframework.beans.factory.annotation.Autowired;
import org.teamsprovisioner.support.SandboxH2Test;

class RequestHistoryStoreH2Test extends SandboxH2Test implements RequestHistoryStoreScenarios {

    @Autowired
    TeamRequestStore store;

    @Override
    public TeamRequestStore store() {
        return store;
    }
}
