package org.teamsprovisioner.sandbox.tenant;

/** teamsAsyncOperationStatus, with Graph's wire values. */
public enum OperationStatus {

    NOT_STARTED("notStarted"),
    IN_PROGRESS("inProgress"),
    SUCCEEDED("succeeded"),
    FAILED("failed");

    private final String wireValue;

    OperationStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    public String wireValue() {
        return wireValue;
    }
}
