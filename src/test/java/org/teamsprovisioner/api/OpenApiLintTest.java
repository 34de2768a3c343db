package org.teamsprovisioner.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.teamsprovisioner.support.NodeTools;

/** The committed OpenAPI document passes Spectral's OpenAPI rules (npm, run offline), warnings included. */
class OpenApiLintTest {

    @Test
    void committedDocumentPassesSpectralsOpenApiRulesWithoutAWarning() {
        NodeTools.Result lint = NodeTools.bin("spectral", "lint", "docs/openapi.yaml", "--ruleset",
                "src/test/resources/openapi/spectral.yaml", "--fail-severity=warn", "--format=text");
        assertThat(lint.exitCode()).as("spectral lint docs/openapi.yaml:%n%s", lint.output()).isZero();
    }

    @Test
    void spectralDoesReportABrokenDocument() throws Exception {
        java.nio.file.Path broken = java.nio.file.Files.createTempFile("openapi", ".yaml");
        java.nio.file.Files.writeString(broken, """
                openapi: 3.1.0
                info: {title: broken, version: v1}
                paths:
                  /x:
                    get:
                      responses:
                        "200": {description: OK, content: {application/json: {schema: {$ref: "#/components/schemas/Missing"}}}}
                """);
        NodeTools.Result lint = NodeTools.bin("spectral", "lint", broken.toString(), "--ruleset",
                "src/test/resources/openapi/spectral.yaml", "--fail-severity=warn", "--format=text");
        assertThat(lint.exitCode()).isNotZero();
        assertThat(lint.output()).contains("invalid-ref");
    }
}
