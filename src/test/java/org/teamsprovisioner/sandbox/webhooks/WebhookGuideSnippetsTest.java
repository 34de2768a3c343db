package org.teamsprovisioner.sandbox.webhooks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.teamsprovisioner.sandbox.http.SandboxJson;
import org.teamsprovisioner.support.NodeTools;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps docs/webhooks.md honest: its Java and JavaScript verifiers, taken from the guide as written
 * (the fenced block after each {@code <!-- tested: ... -->} marker, the one copy there is), are
 * compiled and run against deliveries signed independently, and the sandbox receiver's own verifier
 * must judge the same deliveries the same way.
 */
class WebhookGuideSnippetsTest {

    private static final Path GUIDE = Path.of("docs/webhooks.md");

    @TempDir
    Path dir;

    @Test
    void guidesJavaVerifierAcceptsExactlyTheValidDeliveries() throws Exception {
        Path source = dir.resolve("WebhookVerifier.java");
        Files.writeString(source, snippet("webhook-verify-java"));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int exit = compiler.run(null, diagnostics, diagnostics, "-d", dir.toString(), source.toString());
        assertThat(exit).as("javac of the guide's snippet: %s", diagnostics.toString(StandardCharsets.UTF_8)).isZero();

        // No parent but the JDK's own classes: the snippet promises it needs nothing else.
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            Method verify = loader.loadClass("WebhookVerifier")
                    .getMethod("verify", String.class, String.class, String.class, String.class, byte[].class);
            for (SignatureCases.Case delivery : SignatureCases.at(Instant.now())) {
                assertThat((boolean) verify.invoke(null, delivery.secret(), delivery.id(), delivery.timestamp(),
                        delivery.signatures(), delivery.body())).as(delivery.name()).isEqualTo(delivery.valid());
            }
        }
    }

    @Test
    void guidesJavaScriptVerifierAcceptsExactlyTheValidDeliveries() throws IOException {
        List<SignatureCases.Case> deliveries = SignatureCases.at(Instant.now());
        ArrayNode cases = SandboxJson.object().arrayNode();
        for (SignatureCases.Case delivery : deliveries) {
            ObjectNode headers = SandboxJson.object().put("webhook-id", delivery.id());
            // Node leaves a header that was not sent out of req.headers altogether.
            if (delivery.timestamp() != null) {
                headers.put("webhook-timestamp", delivery.timestamp());
            }
            if (delivery.signatures() != null) {
                headers.put("webhook-signature", delivery.signatures());
            }
            cases.addObject().put("secret", delivery.secret()).put("body", Base64.getEncoder().encodeToString(delivery.body()))
                    .set("headers", headers);
        }
        Path casesFile = dir.resolve("cases.json");
        Files.writeString(casesFile, SandboxJson.write(cases));
        Path script = dir.resolve("verify.cjs");
        Files.writeString(script, snippet("webhook-verify-js") + """

                // The test's harness: every case's verdict, in order, as one JSON array.
                const cases = JSON.parse(require('node:fs').readFileSync(process.argv[2], 'utf8'));
                console.log(JSON.stringify(cases.map((c) => verifyWebhook(c.secret, c.headers, Buffer.from(c.body, 'base64')))));
                """);

        NodeTools.Result result = NodeTools.script(script, casesFile.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        JsonNode verdicts = SandboxJson.read(result.output().strip());
        assertThat(verdicts.size()).isEqualTo(deliveries.size());
        for (int i = 0; i < deliveries.size(); i++) {
            assertThat(verdicts.get(i).booleanValue()).as(deliveries.get(i).name()).isEqualTo(deliveries.get(i).valid());
        }
    }

    @Test
    void sandboxReceiversVerifierJudgesTheSameDeliveriesAlike() {
        Instant now = Instant.now();
        for (SignatureCases.Case delivery : SignatureCases.at(now)) {
            SignatureCheck.Verdict verdict = SignatureCheck.verify(WebhookSecret.key(delivery.secret()), delivery.id(),
                    delivery.timestamp(), delivery.signatures(), delivery.body(), now, Duration.ofMinutes(5));
            assertThat(verdict.valid()).as(delivery.name()).isEqualTo(delivery.valid());
            if (delivery.valid()) {
                assertThat(verdict.reason()).as(delivery.name()).isNull();
            }
            else {
                assertThat(verdict.reason()).as(delivery.name()).isNotBlank();
            }
        }
    }

    /** The fenced block right after {@code <!-- tested: name -->}, without its fences. */
    private static String snippet(String name) throws IOException {
        List<String> lines = Files.readAllLines(GUIDE);
        int marker = lines.indexOf("<!-- tested: " + name + " -->");
        assertThat(marker).as("docs/webhooks.md has the marker for " + name).isNotNegative();
        assertThat(lines.get(marker + 1)).as("a fence right after the marker " + name).startsWith("```");
        List<String> code = new ArrayList<>();
        for (int i = marker + 2; !lines.get(i).equals("```"); i++) {
            code.add(lines.get(i));
        }
        return String.join("\n", code) + "\n";
    }
}
