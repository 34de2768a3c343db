package org.teamsprovisioner.provisioning;

/** The next thing the provisioning job does for a request; each step persists its result before the next runs. */
public enum Step {
    /** Group-first mode: {@code POST /groups} with a mailNickname derived from the request id. */
    CREATE_GROUP,
    CREATE_TEAM,
    AWAIT_OPERATION,
    READ_TEAM,
    DONE
}
