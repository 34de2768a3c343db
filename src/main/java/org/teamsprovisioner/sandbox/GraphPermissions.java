package org.teamsprovisioner.sandbox;

import java.util.Set;
import java.util.TreeSet;

/**
 * Which application permissions (app roles) each simulated Graph API accepts, and the 403 when
 * the caller has none of them. Kept in one table so the later, richer simulator adds APIs here.
 */
final class GraphPermissions {

    /**
     * Create team's "Application" row (graph-create-team doc): Team.Create,
     * Teamwork.Migrate.All, Group.ReadWrite.All**, Directory.ReadWrite.All** (** = kept for
     * backward compatibility). Teamwork.Migrate.All alone creates migration teams only; the
     * body decides, so {@link MigrationRules#requirePermission} checks it after reading it.
     */
    static final Set<String> CREATE_TEAM =
            Set.of("Team.Create", "Teamwork.Migrate.All", "Group.ReadWrite.All", "Directory.ReadWrite.All");

    /**
     * Get team and Get teamsAsyncOperation. Graph documents the read permissions below for Get
     * team; the sandbox also lets Team.Create read, because a creator must be able to poll the
     * operation it started and fetch the result, and that is all this service does.
     */
    static final Set<String> READ_TEAM = Set.of("Team.ReadBasic.All", "TeamSettings.Read.All",
            "TeamSettings.ReadWrite.All", "Group.Read.All", "Group.ReadWrite.All", "Directory.Read.All",
            "Directory.ReadWrite.All", "Team.Create");

    private GraphPermissions() {
    }

    static void require(GraphCaller caller, Set<String> accepted) {
        if (!caller.hasAnyRole(accepted)) {
            throw GraphException.forbidden("Insufficient privileges to complete the operation. The API requires one of '"
                    + String.join(", ", new TreeSet<>(accepted)) + "'. Roles on the request '"
                    + String.join(", ", new TreeSet<>(caller.roles())) + "'.");
        }
    }
}
