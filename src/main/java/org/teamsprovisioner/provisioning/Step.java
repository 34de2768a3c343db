package org.teamsprovisioner.provisioning;

/** The next thing the provisioning job does for a request; each step persists its result before the next runs. */
public enum Step {
    /** Group-first mode: {@code POST /groups} with a mailNickname derived from the request id. */
    CREATE_GROUP,
    CREATE_TEAM,
    AWAIT_OPERATION,
    READ_TEAM,
    /** Owners and members the create call could not carry, with {@code members/add} in chunks of 200. */
    ADD_MEMBERS,
    /** After SUCCEEDED: read the General channel's files folder, so SharePoint provisions it if it has not. */
    CHECK_FILES_FOLDER,
    DONE
}
