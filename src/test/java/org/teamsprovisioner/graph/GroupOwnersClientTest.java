package org.teamsprovisioner.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code GET /groups/{id}/owners?$select=id} through the client, every page, against a simulator over HTTP. */
class GroupOwnersClientTest extends FreshGraphClientTest {

    private static final String GROUP = "71392b2f-1765-406e-86af-5907d9bdb2ab";
    // More than Graph's page of 100, so the answer comes in two pages.
    private static final int OWNERS = 130;

    private static String userId(int i) {
        return String.format("00000000-0000-4000-8000-%012d", i);
    }

    @Test
    void ownersOnSeveralPagesAreAllReadAndAGroupThatDoesNotExistIsEmpty() {
        List<String> settings = new ArrayList<>();
        List<String> upns = new ArrayList<>();
        for (int i = 0; i < OWNERS; i++) {
            settings.add("directory.users[" + i + "].id=" + userId(i));
            settings.add("directory.users[" + i + "].user-principal-name=owner" + i + "@contoso.com");
            settings.add("directory.users[" + i + "].display-name=Owner " + i);
            upns.add("owner" + i + "@contoso.com");
        }
        settings.add("groups.existing[0].id=" + GROUP);
        settings.add("groups.existing[0].display-name=Crowded");
        settings.add("groups.existing[0].owners=" + String.join(",", upns));
        try (var simulator = new StandaloneSimulator(settings.toArray(String[]::new))) {
            GraphClient graph = clients().client(at(simulator));

            Optional<Set<String>> owners = graph.findGroupOwnerIds(GROUP).block();
            Optional<Set<String>> none = graph.findGroupOwnerIds("0b1f2c3d-4e5f-4061-8273-94a5b6c7d8e9").block();

            assertThat(owners).get().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.collection(String.class))
                    .hasSize(OWNERS).contains(userId(0), userId(OWNERS - 1));
            assertThat(simulator.counters().get("callsByRoute").path("GET /groups/{id}/owners 200").asLong()).isEqualTo(2);
            assertThat(none).isEmpty();
        }
    }
}
