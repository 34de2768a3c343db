package org.teamsprovisioner.sandbox;

import java.util.List;

/**
 * The Graph resource a request path addresses, independent of how it was spelled. Each kind
 * knows its route template, which is what {@code _state} counts calls by.
 */
sealed interface GraphResource {

    String template();

    /** {@code /teams} */
    record Teams() implements GraphResource {
        public String template() {
            return "/teams";
        }
    }

    /** {@code /teams('id')} or {@code /teams/id} */
    record Team(String teamId) implements GraphResource {
        public String template() {
            return "/teams/{id}";
        }
    }

    /** {@code /teams('id')/operations('id')} or {@code /teams/id/operations/id} */
    record TeamOperation(String teamId, String operationId) implements GraphResource {
        public String template() {
            return "/teams/{id}/operations/{id}";
        }
    }

    /** Anything the sandbox does not simulate (yet), or a malformed path. */
    record Unrecognized(String message) implements GraphResource {
        public String template() {
            return "/(unrecognized)";
        }
    }

    /** @param decodedPath the path after {@code /v1.0} or {@code /beta}, percent-decoded */
    static GraphResource resolve(String decodedPath) {
        List<ODataPath.Step> steps;
        try {
            steps = ODataPath.steps(ODataPath.parse(decodedPath));
        }
        catch (IllegalArgumentException ex) {
            return new Unrecognized(ex.getMessage());
        }
        if (steps.isEmpty()) {
            return new Unrecognized("Invalid version: the request has no resource path.");
        }
        ODataPath.Step first = steps.get(0);
        if (!first.is("teams")) {
            return segmentNotFound(first);
        }
        if (steps.size() == 1) {
            return first.key() == null ? new Teams() : new Team(first.key());
        }
        ODataPath.Step second = steps.get(1);
        if (first.key() != null && second.is("operations") && second.key() != null && steps.size() == 2) {
            return new TeamOperation(first.key(), second.key());
        }
        return segmentNotFound(second);
    }

    /** Graph's answer for a path it cannot bind, e.g. "Resource not found for the segment 'foo'." */
    private static Unrecognized segmentNotFound(ODataPath.Step step) {
        return new Unrecognized("Resource not found for the segment '" + step.name() + "'.");
    }
}
