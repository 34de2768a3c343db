package org.teamsprovisioner.graph;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** A page of Graph's {@code GET /users}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record UserList(List<GraphUser> value) {
}
