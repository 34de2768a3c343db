package org.teamsprovisioner.sandbox.http;

import java.util.List;

/**
 * The Graph resource a request path addresses, independent of how it was spelled. Each kind
 * knows its route template, which is what {@code _state} counts calls by.
 */
public sealed interface GraphResource {

    String template();

    /** {@code /teams} */
    record Teams() implements GraphResource {
        public String template() {
            return "/teams";
        }
    }

    /** {@code /teams('id')} or {@code /teams/id} */
    record Team(String teamId) implements GraphResource {
        public String template() {
            return "/teams/{id}";
        }
    }

    /** {@code /teams('id')/operations('id')} or {@code /teams/id/operations/id} */
    record TeamOperation(String teamId, String operationId) implements GraphResource {
        public String template() {
            return "/teams/{id}/operations/{id}";
        }
    }

    /** {@code /$batch}: JSON batching, served by {@code GraphBatch}. */
    record Batch() implements GraphResource {
        public String template() {
            return "/$batch";
        }
    }

    /** The users and groups of the directory, served by {@code DirectoryHandler}. */
    sealed interface DirectoryResource extends GraphResource {
    }

    /** A team's channels and members, served by {@code TeamPartsHandler}. */
    sealed interface TeamResource extends GraphResource {

        String teamId();
    }

    /** {@code /users}: List users, with the {@code $filter} of {@code UserFilter}. */
    record Users() implements DirectoryResource {
        public String template() {
            return "/users";
        }
    }

    /** {@code /users('id-or-upn')} or {@code /users/id-or-upn} */
    record User(String key) implements DirectoryResource {
        public String template() {
            return "/users/{id}";
        }
    }

    /** {@code /directoryObjects/getByIds} (also {@code microsoft.graph.getByIds}), the bulk lookup by object id. */
    record DirectoryObjectsByIds() implements DirectoryResource {
        public String template() {
            return "/directoryObjects/getByIds";
        }
    }

    /** {@code /groups} */
    record Groups() implements DirectoryResource {
        public String template() {
            return "/groups";
        }
    }

    /** {@code /groups('id')} or {@code /groups/id} */
    record Group(String groupId) implements DirectoryResource {
        public String template() {
            return "/groups/{id}";
        }
    }

    /** {@code /groups/id/owners} */
    record GroupOwners(String groupId) implements DirectoryResource {
        public String template() {
            return "/groups/{id}/owners";
        }
    }

    /** {@code /groups/id/members} */
    record GroupMembers(String groupId) implements DirectoryResource {
        public String template() {
            return "/groups/{id}/members";
        }
    }

    /** {@code /teams/id/channels} */
    record TeamChannels(String teamId) implements TeamResource {
        public String template() {
            return "/teams/{id}/channels";
        }
    }

    /** {@code /teams/id/channels/id} */
    record TeamChannel(String teamId, String channelId) implements TeamResource {
        public String template() {
            return "/teams/{id}/channels/{id}";
        }
    }

    /** {@code /teams/id/channels/id/filesFolder} */
    record ChannelFilesFolder(String teamId, String channelId) implements TeamResource {
        public String template() {
            return "/teams/{id}/channels/{id}/filesFolder";
        }
    }

    /** {@code /teams/id/members/add}, the bulk-add action (also as {@code microsoft.graph.add}). */
    record TeamMembersAdd(String teamId) implements TeamResource {
        public String template() {
            return "/teams/{id}/members/add";
        }
    }

    /** Anything the sandbox does not simulate (yet), or a malformed path. */
    record Unrecognized(String message) implements GraphResource {
        public String template() {
            return "/(unrecognized)";
        }
    }

    /** @param decodedPath the path after {@code /v1.0} or {@code /beta}, percent-decoded */
    static GraphResource resolve(String decodedPath) {
        List<ODataPath.Step> steps;
        try {
            steps = ODataPath.steps(ODataPath.parse(decodedPath));
        }
        catch (IllegalArgumentException ex) {
            return new Unrecognized(ex.getMessage());
        }
        if (steps.isEmpty()) {
            return new Unrecognized("Invalid version: the request has no resource path.");
        }
        ODataPath.Step first = steps.get(0);
        if (first.is("$batch") && first.key() == null && steps.size() == 1) {
            return new Batch();
        }
        if (first.is("users") || first.is("groups")) {
            return directory(steps);
        }
        if (first.is("directoryObjects") && steps.size() == 1
                && ("getByIds".equals(first.key()) || "microsoft.graph.getByIds".equals(first.key()))) {
            return new DirectoryObjectsByIds();
        }
        if (!first.is("teams")) {
            return segmentNotFound(first);
        }
        if (steps.size() == 1) {
            return first.key() == null ? new Teams() : new Team(first.key());
        }
        ODataPath.Step second = steps.get(1);
        if (first.key() != null && second.is("operations") && second.key() != null && steps.size() == 2) {
            return new TeamOperation(first.key(), second.key());
        }
        if (first.key() != null) {
            GraphResource part = teamPart(first.key(), steps);
            if (part != null) {
                return part;
            }
        }
        return segmentNotFound(second);
    }

    private static GraphResource directory(List<ODataPath.Step> steps) {
        ODataPath.Step first = steps.get(0);
        if (first.is("users")) {
            if (steps.size() > 1) {
                return segmentNotFound(steps.get(1));
            }
            return first.key() == null ? new Users() : new User(first.key());
        }
        if (first.key() == null) {
            return steps.size() == 1 ? new Groups() : segmentNotFound(steps.get(1));
        }
        if (steps.size() == 1) {
            return new Group(first.key());
        }
        ODataPath.Step second = steps.get(1);
        if (steps.size() == 2 && second.key() == null && second.is("owners")) {
            return new GroupOwners(first.key());
        }
        if (steps.size() == 2 && second.key() == null && second.is("members")) {
            return new GroupMembers(first.key());
        }
        return segmentNotFound(second);
    }

    /** Channels, a channel's filesFolder and members/add under teams('id'); null for anything else. */
    private static GraphResource teamPart(String teamId, List<ODataPath.Step> steps) {
        ODataPath.Step second = steps.get(1);
        if (second.is("members") && steps.size() == 2
                && ("add".equals(second.key()) || "microsoft.graph.add".equals(second.key()))) {
            return new TeamMembersAdd(teamId);
        }
        if (!second.is("channels")) {
            return null;
        }
        if (second.key() == null) {
            return steps.size() == 2 ? new TeamChannels(teamId) : null;
        }
        if (steps.size() == 2) {
            return new TeamChannel(teamId, second.key());
        }
        ODataPath.Step third = steps.get(2);
        return steps.size() == 3 && third.key() == null && third.is("filesFolder")
                ? new ChannelFilesFolder(teamId, second.key()) : segmentNotFound(third);
    }

    /** Graph's answer for a path it cannot bind, e.g. "Resource not found for the segment 'foo'." */
    private static Unrecognized segmentNotFound(ODataPath.Step step) {
        return new Unrecognized("Resource not found for the segment '" + step.name() + "'.");
    }
}
