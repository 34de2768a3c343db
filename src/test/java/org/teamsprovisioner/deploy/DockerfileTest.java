package org.teamsprovisioner.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.teamsprovisioner.support.NodeTools;

/**
 * The Dockerfile linted (dockerfilelint, from npm) and held to what the image must be: Java 17,
 * a non-root numeric user, no HEALTHCHECK, the exec form, the Maven dependencies in their own
 * layer, a build context of only what it copies. ImageIT runs its steps.
 */
class DockerfileTest {

    private static final Path DOCKERFILE = Path.of("Dockerfile");
    private final Dockerfile dockerfile = Dockerfile.read(DOCKERFILE);

    @Test
    void dockerfilelintFindsNothingToReport() {
        JsonNode report = lint(DOCKERFILE);
        assertThat(report.get("totalIssues").asInt()).as("dockerfilelint: %s", report).isZero();
    }

    @Test
    void dockerfilelintReportsTheFaultsOfABadDockerfile() throws IOException {
        Path bad = Files.writeString(Files.createDirectories(Path.of("target/docker")).resolve("Dockerfile.bad"),
                "FROM ubuntu:latest\nRUN apt-get install curl\nRUN sudo curl -o /x https://example.com/x\n");
        JsonNode report = lint(bad);
        assertThat(report.get("totalIssues").asInt()).as("dockerfilelint: %s", report).isGreaterThanOrEqualTo(3);
    }

    @Test
    void imageRunsOnAJava17RuntimeAsANumericNonRootUserWithoutAHealthcheck() {
        Dockerfile.Stage image = dockerfile.image();
        assertThat(image.image()).matches("eclipse-temurin:17-jre(-[a-z]+)?");
        assertThat(dockerfile.stage("build").image()).matches("eclipse-temurin:17-jdk(-[a-z]+)?");
        assertThat(image.last("USER").arguments()).matches("[1-9][0-9]*(:[0-9]+)?");
        assertThat(dockerfile.stages()).allSatisfy(stage -> assertThat(stage.all("HEALTHCHECK")).isEmpty());
        assertThat(image.last("EXPOSE").words()).containsExactly("8080", "8081");
        assertThat(image.last("ENTRYPOINT").execForm()).containsExactly("/app/entrypoint.sh");
        assertThat(image.last("WORKDIR").arguments()).isEqualTo("/app");
        String labels = String.join(" ", image.all("LABEL").stream().map(Dockerfile.Instruction::arguments).toList());
        assertThat(labels).contains("org.opencontainers.image.title=", "org.opencontainers.image.version=",
                "org.opencontainers.image.revision=", "org.opencontainers.image.created=");
    }

    @Test
    void mavenDependenciesAreResolvedInALayerOfTheirOwnBeforeTheSourcesAreCopied() {
        List<String> steps = dockerfile.stage("build").instructions().stream()
                .filter(step -> step.is("COPY") || step.is("RUN")).map(step -> step.keyword() + " " + step.arguments()).toList();
        assertThat(steps).containsExactly(
                "COPY .mvn/ .mvn/",
                "COPY mvnw pom.xml ./",
                "RUN ./mvnw -B -q dependency:go-offline",
                "COPY src/main/ src/main/",
                "RUN ./mvnw -B -DskipTests package",
                "RUN src/main/docker/extract.sh target/teams-provisioner.jar target/layers");
    }

    @Test
    void buildContextHoldsWhatTheDockerfileCopiesAndNothingElse() throws IOException {
        List<String> patterns = Files.readAllLines(Path.of(".dockerignore")).stream()
                .map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        List<String> copied = new ArrayList<>();
        for (Dockerfile.Stage stage : dockerfile.stages()) {
            for (Dockerfile.Instruction copy : stage.all("COPY")) {
                if (copy.option("from") == null) {
                    List<String> operands = copy.operands();
                    copied.addAll(operands.subList(0, operands.size() - 1));
                }
            }
        }
        assertThat(copied).isNotEmpty().allSatisfy(path -> assertThat(inContext(patterns, path)).as("%s is in the build context", path).isTrue());
        assertThat(List.of("target/teams-provisioner.jar", "src/test/java/x.java", ".git/config", "docs/api.md", "helm/teams-provisioner/values.yaml"))
                .allSatisfy(path -> assertThat(inContext(patterns, path)).as("%s is not in the build context", path).isFalse());
    }

    /**
     * Whether Docker sends a path with the build context, for the forms of .dockerignore used here:
     * {@code *} (everything) and {@code !path} exceptions, the last matching line deciding.
     */
    private static boolean inContext(List<String> patterns, String path) {
        String clean = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        boolean included = true;
        for (String pattern : patterns) {
            boolean exception = pattern.startsWith("!");
            String body = exception ? pattern.substring(1) : pattern;
            body = body.endsWith("/") ? body.substring(0, body.length() - 1) : body;
            assertThat(body).as(".dockerignore line %s", pattern).doesNotContain("?", "[").matches("\\*|[^*]+");
            boolean matches = body.equals("*") || clean.equals(body) || clean.startsWith(body + "/");
            if (matches) {
                included = exception;
            }
        }
        return included;
    }

    private static JsonNode lint(Path file) {
        NodeTools.Result result = NodeTools.bin("dockerfilelint", "-o", "json", file.toString());
        String output = result.output();
        assertThat(output).as("dockerfilelint's JSON report (exit %d)", result.exitCode()).contains("{");
        return JsonMapper.builder().build().readTree(output.substring(output.indexOf('{')));
    }
}
