package org.teamsprovisioner.sandbox.directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.node.ObjectNode;

import org.teamsprovisioner.sandbox.http.DirectoryErrors;
import org.teamsprovisioner.sandbox.http.GraphRequest;
import org.teamsprovisioner.sandbox.http.SandboxJson;


/**
 * The {@code $select} query option for directory entities. Graph returns a fixed set of default
 * properties when there is no {@code $select} (for users in v1.0 only eleven, so that e.g.
 * {@code department} comes back only when asked for), and exactly the selected properties
 * otherwise. Property names match case-insensitively but are answered in their declared case;
 * an unknown name is a 400, as in Graph.
 */
final class ODataSelect {

    private ODataSelect() {
    }

    /**
     * A query option by name. Graph v1.0 accepts the system query options with or without the
     * {@code $} prefix ("the $ prefix is optional" in Graph's query parameter docs).
     */
    static Optional<String> option(GraphRequest request, String name) {
        return request.queryParam("$" + name).or(() -> request.queryParam(name));
    }

    /** The selected property names in request order; empty for no {@code $select}. */
    static List<String> selected(GraphRequest request) {
        List<String> names = new ArrayList<>();
        option(request, "select").ifPresent(select -> {
            for (String name : select.split(",")) {
                if (!name.isBlank()) {
                    names.add(name.strip());
                }
            }
        });
        return names;
    }

    /**
     * Projects {@code full} (every property the sandbox knows, in declared case) onto the
     * selection, with Graph's {@code @odata.context}.
     *
     * @param entitySet e.g. {@code users}, for the context URL
     * @param type e.g. {@code user}, for the error message
     */
    static ObjectNode project(ObjectNode full, Set<String> defaults, List<String> selected, String version,
            String entitySet, String type) {
        List<String> names = names(full, defaults, selected, type);
        ObjectNode json = SandboxJson.object();
        json.put("@odata.context", context(version, entitySet, selected, names) + "/$entity");
        names.forEach(name -> json.set(name, full.get(name)));
        return json;
    }

    /** One entity of a collection: the selected properties only, no context of its own. */
    static ObjectNode projectMember(ObjectNode full, Set<String> defaults, List<String> selected, String type) {
        ObjectNode json = SandboxJson.object();
        names(full, defaults, selected, type).forEach(name -> json.set(name, full.get(name)));
        return json;
    }

    /**
     * A collection's {@code @odata.context}, e.g. {@code .../$metadata#users(id,userPrincipalName)}
     * as in the JSON batching doc's example response; {@code full} is any member, for the names'
     * declared case (an empty collection answers the names as requested).
     */
    static String collectionContext(ObjectNode full, Set<String> defaults, List<String> selected, String version,
            String entitySet, String type) {
        return context(version, entitySet, selected, names(full, defaults, selected, type));
    }

    private static String context(String version, String entitySet, List<String> selected, List<String> names) {
        String projection = selected.isEmpty() || selected.contains("*") ? "" : "(" + String.join(",", names) + ")";
        return "https://graph.microsoft.com/" + version + "/$metadata#" + entitySet + projection;
    }

    /** The property names to answer, in declared case; a name {@code full} lacks is Graph's 400. */
    private static List<String> names(ObjectNode full, Set<String> defaults, List<String> selected, String type) {
        Map<String, String> declared = new LinkedHashMap<>();
        full.propertyNames().forEach(name -> declared.put(name.toLowerCase(Locale.ROOT), name));
        List<String> names = new ArrayList<>();
        if (selected.isEmpty()) {
            declared.values().stream().filter(defaults::contains).forEach(names::add);
        }
        else if (selected.contains("*")) {
            names.addAll(declared.values());
        }
        else {
            for (String name : selected) {
                String canonical = declared.get(name.toLowerCase(Locale.ROOT));
                if (canonical == null) {
                    throw DirectoryErrors.unknownProperty(name, type);
                }
                if (!names.contains(canonical)) {
                    names.add(canonical);
                }
            }
        }
        return names;
    }
}
