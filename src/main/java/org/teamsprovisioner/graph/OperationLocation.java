package org.teamsprovisioner.graph;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ids in the {@code Location} header of a {@code 202} from {@code POST /teams}. Graph documents
 * a relative URL with OData key syntax, {@code /teams('{id}')/operations('{opId}')}; absolute URLs,
 * percent-encoded quotes and the {@code /teams/{id}/operations/{opId}} form are accepted too, since
 * nothing in the contract rules them out.
 */
record OperationLocation(String teamId, String operationId) {

    private static final String KEY = "(?:\\('((?:[^']|'')+)'\\)|/([^/()']+))";
    private static final Pattern PATTERN = Pattern.compile("/teams" + KEY + "/operations" + KEY + "/?$");

    static OperationLocation parse(String location) {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("Graph accepted the team but sent no Location header");
        }
        String path = URLDecoder.decode(location.trim().replace("+", "%2B"), StandardCharsets.UTF_8);
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        Matcher matcher = PATTERN.matcher(path);
        if (!matcher.find()) {
            throw new IllegalArgumentException("Unexpected Location header from Graph: " + location);
        }
        return new OperationLocation(key(matcher.group(1), matcher.group(2)), key(matcher.group(3), matcher.group(4)));
    }

    private static String key(String quoted, String bare) {
        return quoted != null ? quoted.replace("''", "'") : bare;
    }
}
