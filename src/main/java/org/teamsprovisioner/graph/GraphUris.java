package org.teamsprovisioner.graph;

import java.nio.charset.StandardCharsets;
import org.springframework.web.util.UriUtils;

/** How ids go into Graph URLs: the client's paths and the binds in request bodies must encode them alike. */
final class GraphUris {

    private GraphUris() {
    }

    static String segment(String value) {
        return UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
    }

    /** An OData string key: quotes doubled, then percent-encoded where a path segment needs it. */
    static String key(String id) {
        return "'" + segment(id.replace("'", "''")) + "'";
    }

    /** An OData bind such as {@code https://graph.microsoft.com/v1.0/users('…')}. */
    static String bind(String root, String collection, String id) {
        return root + "/" + collection + "(" + key(id) + ")";
    }
}
