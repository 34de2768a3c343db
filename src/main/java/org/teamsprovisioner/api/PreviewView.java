package org.teamsprovisioner.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.teamsprovisioner.graph.TeamBody;
import org.teamsprovisioner.request.Violation;

/**
 * @param displayName the final name after the naming policy; null when it cannot be built
 * @param graphRequest the exact {@code POST /teams} body provisioning would send, as Graph's JSON; null when invalid.
 *     Published without a schema of its own, as before it was typed: Graph's body is Graph's to describe.
 */
record PreviewView(boolean valid, List<Violation> violations, String displayName,
        @Schema(implementation = Object.class) TeamBody graphRequest) {
}
