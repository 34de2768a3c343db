package org.teamsprovisioner.provisioning;

/** The next thing the provisioning job does for a request; each step persists its result before the next runs. */
public enum Step {
    CREATE_TEAM,
    AWAIT_OPERATION,
    READ_TEAM,
    DONE
}
