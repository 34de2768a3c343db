package org.teamsprovisioner.graph;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One page of a directoryObject collection ({@code GET /groups/{id}/owners}): the objects' ids and,
 * when Graph has more, the URL of the next page ("Paging Microsoft Graph data in your app").
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record DirectoryObjectPage(List<Entry> value, @JsonProperty("@odata.nextLink") String nextLink) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(String id) {
    }
}
