package org.teamsprovisioner.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.teamsprovisioner.support.SandboxH2Test;
import tools.jackson.databind.JsonNode;

/** Every problem's type resolves, against the service it came from, to the section of the problems page that describes it. */
class ProblemTypesTest extends SandboxH2Test {

    @Test
    void everyProblemTypeHasItsSectionOnTheProblemsPage() throws IOException {
        String page = Files.readString(Path.of("docs/problems.md"));
        assertThat(ProblemTypes.sections().values()).allSatisfy(section -> assertThat(page).contains("\n## " + section + "\n"));
    }

    @Test
    void theServiceServesTheProblemsPageWithoutAToken() {
        String served = http().get().uri(ProblemTypes.PAGE).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/markdown"))
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(served).contains("## unprocessable-content");
    }

    @Test
    void refusalsPointToTheirSection() {
        String token = tokenFor("alice@contoso.com");
        assertThat(problem(http().get().uri("/api/v1/team-requests/" + UUID.randomUUID()).headers(h -> h.setBearerAuth(token))))
                .isEqualTo("/problems#not-found");
        assertThat(problem(http().get().uri("/api/v1/team-requests"))).isEqualTo("/problems#unauthorized");
        assertThat(problem(http().get().uri("/nothing-here"))).isEqualTo("/problems#not-found");
        assertThat(submit(token, "{\"displayName\": \"\", \"owners\": []}").expectStatus().isEqualTo(422)
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("type").asString())
                .isEqualTo("/problems#unprocessable-content");
    }

    private static String problem(org.springframework.test.web.reactive.server.WebTestClient.RequestHeadersSpec<?> call) {
        return call.exchange().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("type").asString();
    }
}
