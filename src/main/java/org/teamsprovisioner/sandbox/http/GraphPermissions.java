package org.teamsprovisioner.sandbox.http;

import java.util.Set;
import java.util.TreeSet;

/**
 * Which application permissions (app roles) each simulated Graph API accepts, and the 403 when
 * the caller has none of them. Kept in one table so the later, richer simulator adds APIs here.
 */
public final class GraphPermissions {

    /**
     * Create team's "Application" row (graph-create-team doc): Team.Create,
     * Teamwork.Migrate.All, Group.ReadWrite.All**, Directory.ReadWrite.All** (** = kept for
     * backward compatibility). Teamwork.Migrate.All alone creates migration teams only; the
     * body decides, so {@code MigrationRules.requirePermission} checks it after reading it.
     */
    public static final Set<String> CREATE_TEAM =
            Set.of("Team.Create", "Teamwork.Migrate.All", "Group.ReadWrite.All", "Directory.ReadWrite.All");

    /**
     * Get team and Get teamsAsyncOperation. Graph documents the read permissions below for Get
     * team; the sandbox also lets Team.Create read, because a creator must be able to poll the
     * operation it started and fetch the result, and that is all this service does.
     */
    public static final Set<String> READ_TEAM = Set.of("Team.ReadBasic.All", "TeamSettings.Read.All",
            "TeamSettings.ReadWrite.All", "Group.Read.All", "Group.ReadWrite.All", "Directory.Read.All",
            "Directory.ReadWrite.All", "Team.Create");

    /**
     * Get user, "Application" row: User.Read.All, User.ReadWrite.All, Directory.Read.All,
     * Directory.ReadWrite.All. (User.ReadBasic.All is listed for delegated access only.)
     */
    public static final Set<String> READ_USER =
            Set.of("User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All");

    /**
     * directoryObject: getByIds, "Application" row: Directory.Read.All as the least privileged
     * permission and "Not available" as a higher privileged one; so not User.Read.All.
     */
    public static final Set<String> GET_BY_IDS = Set.of("Directory.Read.All");

    /** Create group, "Application" row: Group.Create, Group.ReadWrite.All, Directory.ReadWrite.All. */
    public static final Set<String> CREATE_GROUP = Set.of("Group.Create", "Group.ReadWrite.All", "Directory.ReadWrite.All");

    /**
     * Create group: "To create the group with users as owners or members, the app must have at
     * least the User.Read.All permission" when all it has is Group.Create. The write-all roles
     * read users anyway.
     */
    public static final Set<String> BIND_USERS_IN_NEW_GROUP = Set.of("User.Read.All", "User.ReadWrite.All",
            "Directory.Read.All", "Directory.ReadWrite.All", "Group.ReadWrite.All");

    /** Get group, List groups, List owners and List members. */
    public static final Set<String> READ_GROUP = Set.of("GroupMember.Read.All", "Group.Read.All", "Group.ReadWrite.All",
            "GroupMember.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All");

    /** Delete group, "Application" row: Group.ReadWrite.All (Directory.ReadWrite.All also writes groups). */
    public static final Set<String> DELETE_GROUP = Set.of("Group.ReadWrite.All", "Directory.ReadWrite.All");

    /**
     * List channels and Get channel: Channel.ReadBasic.All, ChannelSettings.Read.All,
     * ChannelSettings.ReadWrite.All, and the group-wide roles kept for backward compatibility.
     */
    public static final Set<String> READ_CHANNELS = Set.of("Channel.ReadBasic.All", "ChannelSettings.Read.All",
            "ChannelSettings.ReadWrite.All", "Group.Read.All", "Group.ReadWrite.All", "Directory.Read.All",
            "Directory.ReadWrite.All");

    /** Get filesFolder: Files.Read.All, Files.ReadWrite.All, Group.Read.All**, Group.ReadWrite.All**. */
    public static final Set<String> READ_FILES_FOLDER =
            Set.of("Files.Read.All", "Files.ReadWrite.All", "Group.Read.All", "Group.ReadWrite.All");

    /**
     * conversationMember: add, "Application" row: TeamMember.ReadWriteNonOwnerRole.All (which
     * cannot add owners) and TeamMember.ReadWrite.All.
     */
    public static final Set<String> ADD_TEAM_MEMBERS =
            Set.of("TeamMember.ReadWriteNonOwnerRole.All", "TeamMember.ReadWrite.All");

    public static final Set<String> ADD_TEAM_OWNERS = Set.of("TeamMember.ReadWrite.All");

    private GraphPermissions() {
    }

    public static void require(GraphCaller caller, Set<String> accepted) {
        if (!caller.hasAnyRole(accepted)) {
            throw GraphException.forbidden("Insufficient privileges to complete the operation. The API requires one of '"
                    + String.join(", ", new TreeSet<>(accepted)) + "'. Roles on the request '"
                    + String.join(", ", new TreeSet<>(caller.roles())) + "'.");
        }
    }
}
