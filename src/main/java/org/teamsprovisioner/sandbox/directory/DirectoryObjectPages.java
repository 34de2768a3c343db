package org.teamsprovisioner.sandbox.directory;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.web.util.UriUtils;

import org.teamsprovisioner.sandbox.settings.SandboxProperties.User;
import org.teamsprovisioner.sandbox.http.DirectoryErrors;
import org.teamsprovisioner.sandbox.http.GraphRequest;
import org.teamsprovisioner.sandbox.http.SandboxJson;

/**
 * A group's owners or members as Graph pages a directoryObject collection ("Paging Microsoft Graph
 * data in your app"): at most {@code $top} objects per page (100 by default, 1 to 999), each typed
 * with {@code @odata.type} and projected on {@code $select}, and, while more remain, an absolute
 * {@code @odata.nextLink} that repeats the query with a {@code $skiptoken}. As in Graph the link
 * points back at the service that answered (here the simulator), and the token is opaque. The
 * query is read before the group is looked up, so a bad {@code $select} is a 400 even for a group
 * that does not exist. Not simulated: {@code $filter}, {@code $count}, {@code $orderby}, {@code $search}.
 */
final class DirectoryObjectPages {

    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 999;

    private static final String TOKEN_PREFIX = "sandbox-offset:";

    private final List<String> selected;
    private final int pageSize;
    private final int offset;

    private DirectoryObjectPages(List<String> selected, int pageSize, int offset) {
        this.selected = selected;
        this.pageSize = pageSize;
        this.offset = offset;
    }

    /** The request's {@code $select}, {@code $top} and {@code $skiptoken}, or Graph's 400. */
    static DirectoryObjectPages query(GraphRequest request) {
        List<String> selected = ODataSelect.selected(request);
        // Projecting a template user checks every selected name against the user's properties.
        DirectoryRepresentations.typedUser(DirectoryRepresentations.TEMPLATE_USER, selected);
        int pageSize = ODataSelect.option(request, "top").map(DirectoryObjectPages::pageSize).orElse(DEFAULT_PAGE_SIZE);
        int offset = request.queryParam("$skiptoken").map(DirectoryObjectPages::offset).orElse(0);
        return new DirectoryObjectPages(selected, pageSize, offset);
    }

    /** The page of {@code users} this query asks for, with a link to the next one while more remain. */
    ObjectNode page(List<User> users, GraphRequest request, String version) {
        ObjectNode json = SandboxJson.object();
        String projection = selected.isEmpty() || selected.contains("*") ? "" : "(" + String.join(",", selected) + ")";
        json.put("@odata.context", "https://graph.microsoft.com/" + version + "/$metadata#directoryObjects" + projection);
        int end = Math.min(users.size(), offset + pageSize);
        if (end < users.size()) {
            json.put("@odata.nextLink", nextLink(request, end));
        }
        ArrayNode values = json.putArray("value");
        for (User user : users.subList(Math.min(offset, users.size()), end)) {
            values.add(selected.isEmpty() ? DirectoryRepresentations.directoryObject(user)
                    : DirectoryRepresentations.typedUser(user, selected));
        }
        return json;
    }

    private String nextLink(GraphRequest request, int nextOffset) {
        StringBuilder link = new StringBuilder(request.serviceRoot()).append(UriUtils.encodePath(request.path(), StandardCharsets.UTF_8))
                .append("?$top=").append(pageSize);
        if (!selected.isEmpty()) {
            link.append("&$select=").append(UriUtils.encodeQueryParam(String.join(",", selected), StandardCharsets.UTF_8));
        }
        String token = Base64.getUrlEncoder().withoutPadding()
                .encodeToString((TOKEN_PREFIX + nextOffset).getBytes(StandardCharsets.UTF_8));
        return link.append("&$skiptoken=").append(token).toString();
    }

    private static int pageSize(String top) {
        try {
            int size = Integer.parseInt(top.strip());
            if (size >= 1 && size <= MAX_PAGE_SIZE) {
                return size;
            }
        }
        catch (NumberFormatException notANumber) {
            // reported below
        }
        // Graph documents the range; the wording is the sandbox's.
        throw DirectoryErrors.badRequest("Invalid page size specified: '" + top + "'. Must be between 1 and "
                + MAX_PAGE_SIZE + " inclusive.");
    }

    private static int offset(String token) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (decoded.startsWith(TOKEN_PREFIX)) {
                int offset = Integer.parseInt(decoded.substring(TOKEN_PREFIX.length()));
                if (offset >= 0) {
                    return offset;
                }
            }
        }
        catch (IllegalArgumentException notOurs) {
            // reported below
        }
        throw DirectoryErrors.badRequest("The $skiptoken '" + token + "' is not one this service issued; follow @odata.nextLink as given.");
    }
}
