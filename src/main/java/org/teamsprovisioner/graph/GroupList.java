package org.teamsprovisioner.graph;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** An OData collection of groups: {@code {"value": [...]}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record GroupList(List<GroupSummary> value) {
}
