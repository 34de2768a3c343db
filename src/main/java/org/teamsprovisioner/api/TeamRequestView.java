package org.teamsprovisioner.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.teamsprovisioner.provisioning.RequestStatus;
import org.teamsprovisioner.provisioning.RequestSummary;
import org.teamsprovisioner.provisioning.TeamRequest;

/** A team request as portals see it; fields that are not known yet are left out. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TeamRequestView(
        UUID id,
        RequestStatus status,
        String displayName,
        String teamId,
        String webUrl,
        OperationView graphOperation,
        ErrorView error,
        Instant createdAt,
        Instant updatedAt) {

    record OperationView(String id, String status, int attemptsCount) {
    }

    record ErrorView(String code, String message) {
    }

    static TeamRequestView of(TeamRequest request) {
        return of(RequestSummary.of(request));
    }

    static TeamRequestView of(RequestSummary request) {
        TeamRequest.GraphOperation operation = request.operation();
        TeamRequest.Failure error = request.error();
        return new TeamRequestView(request.id(), request.status(), request.displayName(), request.teamId(),
                request.webUrl(),
                operation == null ? null : new OperationView(operation.id(), operation.status(), operation.attemptsCount()),
                error == null ? null : new ErrorView(error.code(), error.message()),
                request.createdAt(), request.updatedAt());
    }
}
