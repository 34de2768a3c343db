package org.teamsprovisioner.graph;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Graph's JSON batching ({@code POST /$batch}): up to {@link #MAX_REQUESTS} requests in one HTTP
 * call, each answered on its own, with its own status and headers. Graph evaluates throttling for
 * each request in a batch separately, so a batch saves round trips, not quota.
 */
final class JsonBatch {

    /** "JSON batch requests are currently limited to 20 individual requests" (Microsoft Graph JSON batching). */
    static final int MAX_REQUESTS = 20;

    private JsonBatch() {
    }

    /** @param url relative to the version root, e.g. {@code /users/alice@contoso.com?$select=id} */
    record Request(String id, String method, String url) {
    }

    record Requests(List<Request> requests) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Response(String id, int status, Map<String, String> headers, JsonNode body) {

        String header(String name) {
            if (headers == null) {
                return null;
            }
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Responses(List<Response> responses) {
    }
}
