package org.teamsprovisioner.sandbox.teams;

import java.time.Instant;

import tools.jackson.databind.node.ObjectNode;

import org.teamsprovisioner.sandbox.http.SandboxJson;
import org.teamsprovisioner.sandbox.tenant.OperationStatus;
import org.teamsprovisioner.sandbox.tenant.OperationTimeline;
import org.teamsprovisioner.sandbox.tenant.SandboxTeam;
import org.teamsprovisioner.sandbox.tenant.SandboxTeamDetails;

/**
 * The JSON Graph answers for the sandbox's entities. The {@code @odata.context} annotation is
 * kept because Graph sends it: a client that deserializes strictly must be told about it here,
 * not in production.
 */
final class GraphRepresentations {

    private GraphRepresentations() {
    }

    /** The team resource (v1.0 subset the service reads). */
    static ObjectNode team(SandboxTeam team, String tenantId, String version) {
        ObjectNode json = SandboxJson.object();
        json.put("@odata.context", "https://graph.microsoft.com/" + version + "/$metadata#teams/$entity");
        json.put("id", team.id());
        json.put("createdDateTime", timestamp(team.createdDateTime()));
        json.put("displayName", team.displayName());
        json.put("description", team.description());
        json.put("internalId", team.internalId());
        json.put("visibility", team.visibility());
        json.put("webUrl", webUrl(team, tenantId));
        json.put("isArchived", false);
        json.put("tenantId", tenantId);
        SandboxTeamDetails details = team.details();
        if (details.classification() != null) {
            json.put("classification", details.classification());
        }
        if (details.specialization() != null) {
            json.put("specialization", details.specialization());
        }
        // Only the settings the request set: Graph answers every setting, but its defaults for the
        // others are not documented, and a made-up default would be worse than an absent one.
        details.settings().forEach((name, values) -> values.forEach(json.putObject(name)::set));
        return json;
    }

    /**
     * The Teams client link: the thread id percent-encoded in the path (lower-case hex, as Graph
     * emits it) plus the group and tenant ids in the query.
     */
    static String webUrl(SandboxTeam team, String tenantId) {
        String thread = team.internalId().replace(":", "%3a").replace("@", "%40");
        return "https://teams.microsoft.com/l/team/" + thread + "/conversations?groupId=" + team.id()
                + "&tenantId=" + tenantId;
    }

    /** The teamsAsyncOperation resource; {@code error} is an explicit null until it fails. */
    static ObjectNode operation(SandboxTeam team, OperationTimeline.Snapshot snapshot, String failureMarker,
            String version) {
        ObjectNode json = SandboxJson.object();
        json.put("@odata.context", "https://graph.microsoft.com/" + version + "/$metadata#teams('" + team.id()
                + "')/operations/$entity");
        json.put("id", team.operationId());
        json.put("operationType", "createTeam");
        json.put("createdDateTime", timestamp(team.createdAt()));
        json.put("status", snapshot.status().wireValue());
        json.put("lastActionDateTime", timestamp(snapshot.lastActionAt()));
        json.put("attemptsCount", 1);
        json.put("targetResourceId", team.id());
        json.put("targetResourceLocation", team.location());
        if (snapshot.status() == OperationStatus.FAILED) {
            json.putObject("error")
                    .put("code", "InternalServerError")
                    .put("message", team.displayName() != null && team.displayName().contains(failureMarker)
                            ? "The sandbox failed this createTeam operation on purpose: the displayName '"
                                    + team.displayName() + "' contains the failure marker '" + failureMarker + "'."
                            : "The sandbox failed this createTeam operation on purpose: it was drawn by"
                                    + " provisioner.sandbox.operations.failure-rate.");
        }
        else {
            json.putNull("error");
        }
        return json;
    }

    private static String timestamp(Instant instant) {
        return instant.toString();
    }
}
