package org.teamsprovisioner.graph;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The route template of a Graph URL, for metric tags and logs: ids become {@code {id}}, so a tag
 * has a handful of values instead of one per team (Prometheus keeps a series per tag value).
 */
final class GraphRoutes {

    // Collections whose next segment is a key: /teams/{id}, /teams/{id}/channels/{id}, /users/{id}.
    private static final Set<String> COLLECTIONS = Set.of("teams", "groups", "users", "operations", "channels", "members",
            "owners", "tabs", "installedApps", "directoryObjects");
    // Segments after a collection that are actions or functions, not keys.
    private static final Set<String> ACTIONS = Set.of("add", "remove", "$count", "$ref", "delta", "getByIds", "$batch");
    // OData key syntax: teams('…'), operations('…').
    private static final Pattern KEY_IN_PARENTHESES = Pattern.compile("^([A-Za-z]+)\\(.*\\)$");

    private GraphRoutes() {
    }

    /** @param path the URL's path after the Graph root (such as {@code /v1.0}), without the query */
    static String templateOf(String path) {
        StringBuilder template = new StringBuilder();
        String previous = "";
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            var keyed = KEY_IN_PARENTHESES.matcher(segment);
            String part;
            if (keyed.matches()) {
                part = keyed.group(1) + "({id})";
            } else if (COLLECTIONS.contains(previous) && !ACTIONS.contains(segment)) {
                part = "{id}";
            } else {
                part = segment;
            }
            template.append('/').append(part);
            previous = keyed.matches() ? "" : segment;
        }
        return template.isEmpty() ? "/" : template.toString();
    }
}
