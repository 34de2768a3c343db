package org.teamsprovisioner.sandbox.http;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The OData paths of users, groups and a team's parts, in both addressing forms. */
class SandboxDirectoryPathsTest {

    static Stream<Arguments> paths() {
        return Stream.of(
                Arguments.of("/users/alice@contoso.com", new GraphResource.User("alice@contoso.com")),
                Arguments.of("/users('o''brien@contoso.com')", new GraphResource.User("o'brien@contoso.com")),
                Arguments.of("/Users('guest_fabrikam.com#EXT#@contoso.onmicrosoft.com')",
                        new GraphResource.User("guest_fabrikam.com#EXT#@contoso.onmicrosoft.com")),
                Arguments.of("/users", new GraphResource.Users()),
                Arguments.of("/$batch", new GraphResource.Batch()),
                Arguments.of("/directoryObjects/getByIds", new GraphResource.DirectoryObjectsByIds()),
                Arguments.of("/directoryObjects/microsoft.graph.getByIds", new GraphResource.DirectoryObjectsByIds()),
                Arguments.of("/groups", new GraphResource.Groups()),
                Arguments.of("/groups/g1", new GraphResource.Group("g1")),
                Arguments.of("/groups('g1')", new GraphResource.Group("g1")),
                Arguments.of("/groups/g1/owners", new GraphResource.GroupOwners("g1")),
                Arguments.of("/groups('g1')/members", new GraphResource.GroupMembers("g1")),
                Arguments.of("/teams/t1/channels", new GraphResource.TeamChannels("t1")),
                Arguments.of("/teams('t1')/channels('19:a@thread.tacv2')",
                        new GraphResource.TeamChannel("t1", "19:a@thread.tacv2")),
                Arguments.of("/teams/t1/channels/19:a@thread.tacv2/filesFolder",
                        new GraphResource.ChannelFilesFolder("t1", "19:a@thread.tacv2")),
                Arguments.of("/teams('t1')/channels('19:a@thread.tacv2')/filesFolder",
                        new GraphResource.ChannelFilesFolder("t1", "19:a@thread.tacv2")),
                Arguments.of("/teams/t1/members/add", new GraphResource.TeamMembersAdd("t1")),
                Arguments.of("/teams('t1')/members/microsoft.graph.add", new GraphResource.TeamMembersAdd("t1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    void pathIsRecognized(String path, GraphResource expected) {
        assertThat(GraphResource.resolve(path)).isEqualTo(expected);
    }

    @Test
    void routeTemplatesNameEveryIdTheSameWay() {
        assertThat(GraphResource.resolve("/users('x')").template()).isEqualTo("/users/{id}");
        assertThat(GraphResource.resolve("/groups/x/owners").template()).isEqualTo("/groups/{id}/owners");
        assertThat(GraphResource.resolve("/teams/x/channels/y/filesFolder").template())
                .isEqualTo("/teams/{id}/channels/{id}/filesFolder");
        assertThat(GraphResource.resolve("/teams/x/members/add").template()).isEqualTo("/teams/{id}/members/add");
    }

    static Stream<Arguments> unsimulated() {
        return Stream.of(
                Arguments.of("/users/alice@contoso.com/memberOf", "Resource not found for the segment 'memberOf'."),
                Arguments.of("/groups/g1/owners/$ref", "Resource not found for the segment 'owners'."),
                Arguments.of("/groups/g1/team", "Resource not found for the segment 'team'."),
                Arguments.of("/groups/g1/segments/here", "Resource not found for the segment 'segments'."),
                Arguments.of("/teams/t1/members", "Resource not found for the segment 'members'."),
                Arguments.of("/teams/t1/channels/c1/messages", "Resource not found for the segment 'messages'."),
                Arguments.of("/teams/t1/channels/c1/filesFolder/children", "Resource not found for the segment 'filesFolder'."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsimulated")
    void pathTheSandboxDoesNotSimulateIsUnrecognized(String path, String message) {
        assertThat(GraphResource.resolve(path)).isEqualTo(new GraphResource.Unrecognized(message));
    }
}
