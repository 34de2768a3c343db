package org.teamsprovisioner.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.teamsprovisioner.support.SandboxH2Test;

/**
 * The committed API description is the one the code serves: portal teams generate clients from
 * {@code docs/openapi.yaml}, so a change to the API that is not in it fails here. To accept a
 * change: {@code ./mvnw test -Dtest=OpenApiDocumentTest -Dopenapi.update=true}, then review the diff.
 */
class OpenApiDocumentTest extends SandboxH2Test {

    private static final Path COMMITTED = Path.of("docs/openapi.yaml");

    @Test
    void committedDocumentIsWhatTheServiceServes() throws IOException {
        String served = http().get().uri("/v3/api-docs.yaml").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        String document = served;
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(COMMITTED, document);
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/openapi.yaml"), document);
        assertThat(Files.exists(COMMITTED)).as("docs/openapi.yaml exists").isTrue();
        assertThat(document).as("served document (target/openapi.yaml) against docs/openapi.yaml; if the change is intended, "
                + "run ./mvnw test -Dtest=OpenApiDocumentTest -Dopenapi.update=true").isEqualTo(Files.readString(COMMITTED));
    }

    @Test
    void swaggerUiIsServedInTheSandbox() {
        http().get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
    }
}
