package org.teamsprovisioner.graph;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.OffsetDateTime;

/**
 * Graph's {@code teamsAsyncOperation}. {@code status} is kept as a string: Graph's enum is
 * evolvable ({@code unknownFutureValue}), so values this code does not know mean "still running".
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TeamsAsyncOperation(
        String id,
        String operationType,
        String status,
        OffsetDateTime createdDateTime,
        OffsetDateTime lastActionDateTime,
        Integer attemptsCount,
        String targetResourceId,
        String targetResourceLocation,
        OperationError error) {

    public boolean succeeded() {
        return "succeeded".equalsIgnoreCase(status);
    }

    public boolean failed() {
        return "failed".equalsIgnoreCase(status);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OperationError(String code, String message) {
    }
}
