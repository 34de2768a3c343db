package org.teamsprovisioner.provisioning;

import java.time.Instant;
import java.util.UUID;

/**
 * What callers read of a team request: its progress, without the requested spec. Reads are the
 * service's most frequent calls (portals follow their requests), and the spec is the one part they
 * do not show; loading it costs a JSON parse per row.
 */
public record RequestSummary(
        UUID id,
        String requester,
        String displayName,
        RequestStatus status,
        String teamId,
        String webUrl,
        TeamRequest.GraphOperation operation,
        TeamRequest.Failure error,
        Instant createdAt,
        Instant updatedAt) {

    public static RequestSummary of(TeamRequest request) {
        return new RequestSummary(request.id(), request.requester(), request.spec().displayName(), request.status(),
                request.progress().teamId(), request.progress().webUrl(), request.progress().operation(), request.error(), request.createdAt(), request.updatedAt());
    }
}
