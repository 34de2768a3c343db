package org.teamsprovisioner.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.teamsprovisioner.sandbox.settings.DefaultDirectory;

/**
 * {@code GET /groups/{id}/owners} as Graph's List group owners and paging docs describe it: a
 * directoryObject collection, {@code $select}, pages of {@code $top} with an {@code @odata.nextLink}
 * to follow, 404 for a group that does not exist, and the read permissions of List owners.
 */
class SandboxGroupOwnersHttpTest {

    private final RunningSandbox sandbox = new RunningSandbox(Map.ofEntries(
            Map.entry("provisioner.sandbox.clients[0].client-id", "sandbox-client"),
            Map.entry("provisioner.sandbox.clients[0].client-secret", "sandbox-secret"),
            Map.entry("provisioner.sandbox.clients[0].roles", "Group.ReadWrite.All,User.Read.All"),
            Map.entry("provisioner.sandbox.clients[1].client-id", "member-reader"),
            Map.entry("provisioner.sandbox.clients[1].client-secret", "member-secret"),
            Map.entry("provisioner.sandbox.clients[1].roles", "GroupMember.Read.All"),
            Map.entry("provisioner.sandbox.clients[2].client-id", "user-reader"),
            Map.entry("provisioner.sandbox.clients[2].client-secret", "user-secret"),
            Map.entry("provisioner.sandbox.clients[2].roles", "User.Read.All")));
    private final String token = sandbox.graphToken();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private String groupOwnedByFive() {
        return GraphCalls.createGroup(sandbox, token, GraphCalls.unifiedGroup("Five owners", "fiveowners", DefaultDirectory.ALICE,
                DefaultDirectory.BOB, DefaultDirectory.CAROL, DefaultDirectory.DAVE, DefaultDirectory.JACOB)).get("id").stringValue();
    }

    @Test
    void selectIdAnswersTypedObjectsWithTheIdOnly() {
        String id = groupOwnedByFive();

        JsonNode owners = GraphCalls.json(GraphCalls.get(sandbox, token, "/groups/" + id + "/owners?$select=id"), 200);

        assertThat(owners.get("@odata.context").stringValue()).isEqualTo("https://graph.microsoft.com/v1.0/$metadata#directoryObjects(id)");
        assertThat(owners.has("@odata.nextLink")).isFalse();
        assertThat(owners.get("value")).hasSize(5);
        assertThat(owners.at("/value/0").propertyNames()).containsExactly("@odata.type", "id");
        assertThat(owners.at("/value/0/@odata.type").stringValue()).isEqualTo("#microsoft.graph.user");
    }

    @Test
    void ownersComeInPagesOfTopLinkedByANextLinkThatRepeatsTheQuery() {
        String id = groupOwnedByFive();
        List<String> ids = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();

        JsonNode page = GraphCalls.json(GraphCalls.get(sandbox, token, "/groups/" + id + "/owners?$select=id&$top=2"), 200);
        while (true) {
            pageSizes.add(page.get("value").size());
            page.get("value").forEach(owner -> ids.add(owner.get("id").stringValue()));
            if (!page.has("@odata.nextLink")) {
                break;
            }
            String next = page.get("@odata.nextLink").stringValue();
            assertThat(next).startsWith(sandbox.baseUrl() + "/sandbox/graph/v1.0/groups/" + id + "/owners?").contains("$select=id")
                    .contains("$skiptoken=");
            page = GraphCalls.json(sandbox.get(token, URI.create(next)), 200);
        }

        assertThat(pageSizes).containsExactly(2, 2, 1);
        assertThat(ids).containsExactly(DefaultDirectory.ALICE, DefaultDirectory.BOB, DefaultDirectory.CAROL, DefaultDirectory.DAVE,
                DefaultDirectory.JACOB);
    }

    @Test
    void aGroupThatDoesNotExistIsResourceNotFound() {
        assertThat(GraphCalls.error(GraphCalls.get(sandbox, token, "/groups/71392b2f-1765-406e-86af-5907d9bdb2ab/owners?$select=id"),
                404, "Request_ResourceNotFound").get("message").stringValue()).contains("71392b2f-1765-406e-86af-5907d9bdb2ab");
    }

    @Test
    void anUnknownSelectedPropertyOrPageSizeIsABadRequestEvenForAnUnknownGroup() {
        GraphCalls.error(GraphCalls.get(sandbox, token, "/groups/71392b2f-1765-406e-86af-5907d9bdb2ab/owners?$select=shoeSize"),
                400, "Request_BadRequest");
        assertThat(GraphCalls.error(GraphCalls.get(sandbox, token, "/groups/" + groupOwnedByFive() + "/owners?$top=1000"),
                400, "Request_BadRequest").get("message").stringValue()).contains("between 1 and 999");
    }

    @Test
    void listOwnersNeedsAGroupReadPermission() {
        String id = groupOwnedByFive();

        GraphCalls.json(GraphCalls.get(sandbox, sandbox.graphToken("member-reader", "member-secret"), "/groups/" + id + "/owners"), 200);
        assertThat(GraphCalls.error(GraphCalls.get(sandbox, sandbox.graphToken("user-reader", "user-secret"), "/groups/" + id + "/owners"),
                403, "Authorization_RequestDenied").get("message").stringValue()).contains("GroupMember.Read.All");
    }
}
