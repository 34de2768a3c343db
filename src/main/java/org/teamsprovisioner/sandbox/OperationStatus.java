package org.teamsprovisioner.sandbox;

/** teamsAsyncOperationStatus, with Graph's wire values. */
enum OperationStatus {

    NOT_STARTED("notStarted"),
    IN_PROGRESS("inProgress"),
    SUCCEEDED("succeeded"),
    FAILED("failed");

    private final String wireValue;

    OperationStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    String wireValue() {
        return wireValue;
    }
}
