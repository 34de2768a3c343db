package org.teamsprovisioner.sandbox.http;

import org.springframework.http.HttpStatus;

/**
 * The errors of Graph's directory APIs (users, groups). They come from Entra ID's directory
 * service rather than from the Teams backend, and their codes say so: {@code Request_*} instead
 * of Teams' {@code BadRequest} or {@code NotFound}. Messages are Graph's own wording where it is
 * known, so a client's logs read the same against the sandbox and against Graph.
 */
public final class DirectoryErrors {

    private DirectoryErrors() {
    }

    /** Graph's 404 for a user, group or bound directory object that does not exist. */
    public static GraphException resourceNotFound(String key) {
        return new GraphException(HttpStatus.NOT_FOUND, "Request_ResourceNotFound", "Resource '" + key
                + "' does not exist or one of its queried reference-property objects are not present.");
    }

    public static GraphException badRequest(String message) {
        return new GraphException(HttpStatus.BAD_REQUEST, "Request_BadRequest", message);
    }

    /** Graph's wording for a property value it rejects, with the sandbox's reason appended. */
    public static GraphException invalidValue(String property, String resource, String reason) {
        return badRequest("Invalid value specified for property '" + property + "' of resource '" + resource + "'. "
                + reason);
    }

    /** A query option (here: a $filter) the directory does not support. */
    public static GraphException unsupportedQuery(String message) {
        return new GraphException(HttpStatus.BAD_REQUEST, "Request_UnsupportedQuery", message);
    }

    /** Unknown property in $select: Graph's OData error. */
    public static GraphException unknownProperty(String property, String type) {
        return badRequest("Could not find a property named '" + property + "' on type 'microsoft.graph." + type + "'.");
    }

    /** Teams' 409, e.g. a team for a group that already has one. */
    public static GraphException conflict(String message) {
        return new GraphException(HttpStatus.CONFLICT, "Conflict", message);
    }
}
