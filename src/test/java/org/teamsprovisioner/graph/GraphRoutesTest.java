package org.teamsprovisioner.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GraphRoutesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/teams                                                          | /teams",
            "/teams/7c1a8d2e-5b6f-4a3e-9d2c-1f0e8b7a6c5d                     | /teams/{id}",
            "/teams('7c1a8d2e')/operations('0f9e8d7c')                       | /teams({id})/operations({id})",
            "/teams/7c1a/channels/19:abc@thread.tacv2/filesFolder            | /teams/{id}/channels/{id}/filesFolder",
            "/teams/7c1a/members/add                                         | /teams/{id}/members/add",
            "/groups/0f9e/owners                                             | /groups/{id}/owners",
            "/users/alice@contoso.com                                        | /users/{id}",
            "/users                                                          | /users",
            "/$batch                                                         | /$batch",
            "/groups                                                         | /groups"})
    void idsBecomePlaceholdersSoATagHasFewValues(String path, String template) {
        assertThat(GraphRoutes.templateOf(path)).isEqualTo(template);
    }
}
