package org.teamsprovisioner.api;

import java.util.List;
import org.teamsprovisioner.request.Violation;

/**
 * @param displayName the final name after the naming policy; null when it cannot be built
 * @param graphRequest the exact {@code POST /teams} body provisioning would send, as Graph's JSON; null when invalid
 */
record PreviewView(boolean valid, List<Violation> violations, String displayName, Object graphRequest) {
}
