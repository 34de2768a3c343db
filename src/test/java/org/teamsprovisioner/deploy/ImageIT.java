package org.teamsprovisioner.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.teamsprovisioner.deploy.Chart.at;
import static org.teamsprovisioner.deploy.Chart.cast;
import static org.teamsprovisioner.deploy.Chart.list;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.teamsprovisioner.support.FreePort;
import org.teamsprovisioner.support.PostgresDatabase;

/**
 * The container image as Kubernetes runs it, on a machine without Docker: the Dockerfile's steps
 * replayed ({@link ImageBuild}: the jar extracted into layers and copied, the class-data sharing
 * archive recorded by the training run, the same scripts), then its ENTRYPOINT started the way the
 * chart's pod starts it — the Deployment's environment (Secrets filled in with the keys the
 * operations guide creates), its ConfigMap where the pod mounts it, its ports, its user — against a
 * PostgreSQL database, and probed and stopped as the kubelet does.
 */
class ImageIT {

    private static final Path LOG = Path.of("target/image-it/build.log");
    private static final Path SERVICE_LOG = Path.of("target/image-it/service.log");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Process service;
    private Path root;

    @AfterEach
    void stop() {
        if (service != null) {
            // Children too: an entrypoint that failed to exec leaves its JVM as a child of the shell.
            service.descendants().forEach(ProcessHandle::destroyForcibly);
            service.destroyForcibly();
        }
        if (root != null) {
            ImageBuild.delete(root.getParent());
        }
    }

    @Test
    void imageStartsFromTheChartsPodSpecBecomesReadyOnTheManagementPortAndShutsDownGracefullyOnSigterm() throws Exception {
        assertThat(Path.of("target/teams-provisioner.jar")).as("the packaged jar (ImageIT runs in mvn verify, after package)").isRegularFile();
        Files.deleteIfExists(LOG);
        // Under the temporary directory, which every user may enter, unlike a checkout under /root.
        root = Files.createTempDirectory("image-it-").resolve("root");
        Files.setPosixFilePermissions(root.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
        ImageBuild image = new ImageBuild(Dockerfile.read(Path.of("Dockerfile")), Path.of("."), root).run(LOG);
        assertThat(image.workdir().resolve("app.jsa")).as("the CDS archive of the training run").isNotEmptyFile();

        PostgresDatabase db = PostgresDatabase.fresh();
        int http = FreePort.find();
        int management = FreePort.find();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("database.host", db.host());
        settings.put("database.port", db.port());
        settings.put("database.name", db.name());
        settings.put("ports.http", http);
        settings.put("ports.management", management);
        Chart.Rendered chart = Chart.render(List.of(Path.of("src/test/resources/helm/image-it-values.yaml")), settings);
        Map<String, Object> pod = cast(at(chart.get("Deployment"), "spec", "template", "spec"));
        Map<String, Object> container = cast(list(pod.get("containers")).get(0));
        mountConfigMaps(image, pod, container, chart);

        Map<String, Map<String, String>> secrets = secretsOfTheOperationsGuide(Map.of(
                "username", db.user(), "password", db.password(), "tenant-id", "contoso-tenant",
                "client-id", "teams-provisioner-client", "client-secret", "not-a-real-secret"));
        ProcessBuilder start = new ProcessBuilder(asUser(image.user(), image.entrypoint()))
                .directory(image.workdir().toFile()).redirectErrorStream(true).redirectOutput(SERVICE_LOG.toFile());
        start.environment().clear();
        start.environment().put("PATH", ImageBuild.javaPath());
        start.environment().putAll(environment(container, secrets));
        service = start.start();

        String program = programOf(service);
        assertThat(program).as("exec: the entrypoint's process becomes the JVM, which gets the kubelet's SIGTERM (log: %s)", tail())
                .isEqualTo("java");
        String base = "http://127.0.0.1:";
        awaitProbe(base + management + at(container, "startupProbe", "httpGet", "path"),
                Duration.ofSeconds(2L * (Integer) at(container, "startupProbe", "failureThreshold")));
        assertThat(get(base + management + at(container, "readinessProbe", "httpGet", "path")))
                .satisfies(r -> assertThat(r.statusCode()).isEqualTo(200)).satisfies(r -> assertThat(r.body()).contains("\"UP\""));
        assertThat(get(base + management + at(container, "livenessProbe", "httpGet", "path")).statusCode()).isEqualTo(200);
        assertThat(get(base + management + "/actuator/prometheus").body())
                .as("the ConfigMap's application.yaml is read").contains("deployment=\"image-it\"");
        assertThat(get(base + http + "/api/v1/policy").statusCode()).as("the API asks for a token").isEqualTo(401);
        assertThat(get(base + http + "/actuator/health/readiness").statusCode()).as("actuator is not on the API port").isEqualTo(404);

        service.destroy(); // SIGTERM, as the kubelet sends it after the preStop sleep
        int grace = (Integer) pod.get("terminationGracePeriodSeconds");
        assertThat(service.waitFor(grace, TimeUnit.SECONDS)).as("stopped within the pod's grace period").isTrue();
        String log = Files.readString(SERVICE_LOG);
        assertThat(log).as("service log %s", SERVICE_LOG).contains("Commencing graceful shutdown", "Graceful shutdown complete");
        assertThat(service.exitValue()).as("the JVM's exit on SIGTERM").isEqualTo(143);
    }

    /** Writes each ConfigMap the container mounts into the image's filesystem where the pod mounts it. */
    private static void mountConfigMaps(ImageBuild image, Map<String, Object> pod, Map<String, Object> container, Chart.Rendered chart)
            throws IOException {
        Map<String, String> mounts = new HashMap<>();
        for (Object mount : list(container.get("volumeMounts"))) {
            mounts.put((String) cast(mount).get("name"), (String) cast(mount).get("mountPath"));
        }
        int mounted = 0;
        for (Object volume : list(pod.get("volumes"))) {
            Object configMap = at(volume, "configMap", "name");
            if (configMap == null) {
                continue; // the emptyDir /tmp: this machine's /tmp stands for it
            }
            Map<String, Object> data = chart.all("ConfigMap").stream().filter(c -> configMap.equals(at(c, "metadata", "name")))
                    .map(c -> cast(c.get("data"))).findFirst().orElseThrow();
            Path directory = image.inImage(mounts.get((String) cast(volume).get("name")));
            Files.createDirectories(directory);
            for (Map.Entry<String, Object> file : data.entrySet()) {
                Files.writeString(directory.resolve(file.getKey()), (String) file.getValue());
                mounted++;
            }
        }
        assertThat(mounted).as("files mounted from ConfigMaps").isPositive();
    }

    /**
     * The Secrets that the operations guide's {@code kubectl create secret generic} commands create:
     * their names and keys from the guide, their values from the test.
     */
    private static Map<String, Map<String, String>> secretsOfTheOperationsGuide(Map<String, String> values) throws IOException {
        String guide = Files.readString(Path.of("docs/operations.md")).replace("\\\n", " ");
        Map<String, Map<String, String>> secrets = new HashMap<>();
        Matcher command = Pattern.compile("kubectl (?:-n \\S+ )?create secret generic (\\S+)([^\\n]*)").matcher(guide);
        while (command.find()) {
            Map<String, String> keys = new HashMap<>();
            Matcher literal = Pattern.compile("--from-literal=([\\w.-]+)=").matcher(command.group(2));
            while (literal.find()) {
                assertThat(values).as("a value for key %s of Secret %s", literal.group(1), command.group(1)).containsKey(literal.group(1));
                keys.put(literal.group(1), values.get(literal.group(1)));
            }
            secrets.put(command.group(1), keys);
        }
        return secrets;
    }

    /** The container's environment as the kubelet builds it: plain values, and secretKeyRef looked up in the Secrets. */
    private static Map<String, String> environment(Map<String, Object> container, Map<String, Map<String, String>> secrets) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Object variable : list(container.get("env"))) {
            Map<String, Object> entry = cast(variable);
            String name = (String) entry.get("name");
            if (entry.containsKey("value")) {
                env.put(name, (String) entry.get("value"));
            } else {
                Object secret = at(entry, "valueFrom", "secretKeyRef", "name");
                Object key = at(entry, "valueFrom", "secretKeyRef", "key");
                assertThat(secrets).as("%s: Secret %s is created in docs/operations.md", name, secret).containsKey((String) secret);
                assertThat(secrets.get(secret)).as("%s: key %s of Secret %s", name, key, secret).containsKey((String) key);
                env.put(name, secrets.get(secret).get(key));
            }
        }
        return env;
    }

    /**
     * The command run as the image's USER, as the kubelet runs the container, when the tests run as
     * root (a non-root test user is not root either); the image's files are then not writable by it.
     */
    private static List<String> asUser(String user, List<String> command) {
        if (!"root".equals(System.getProperty("user.name"))) {
            return command;
        }
        if (!reachableByAnyone(Path.of(System.getProperty("java.home"), "bin", "java"))) {
            System.err.println("ImageIT: this JVM is not reachable by other users; the image runs as root here");
            return command;
        }
        String[] ids = user.split(":");
        List<String> wrapped = new ArrayList<>(List.of("setpriv", "--reuid=" + ids[0], "--regid=" + ids[ids.length - 1], "--clear-groups"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static boolean reachableByAnyone(Path file) {
        try {
            for (Path path = file.toRealPath(); path != null; path = path.getParent()) {
                if (!Files.getPosixFilePermissions(path).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The program the process runs once setpriv and the entrypoint script have exec'd (they replace themselves). */
    private static String programOf(Process process) throws IOException, InterruptedException {
        Path cmdline = Path.of("/proc/" + process.pid() + "/cmdline");
        String program = "";
        for (int i = 0; i < 50 && process.isAlive(); i++) {
            program = Files.readString(cmdline).split("\0")[0];
            if (program.equals("java")) {
                break;
            }
            Thread.sleep(100);
        }
        return program;
    }

    private void awaitProbe(String url, Duration limit) throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            assertThat(service.isAlive()).as("the service is running (see %s):%n%s", SERVICE_LOG, tail()).isTrue();
            try {
                if (get(url).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError(url + " did not answer 200 within " + limit + " (see " + SERVICE_LOG + ")");
    }

    private static String tail() throws IOException {
        List<String> lines = Files.readAllLines(SERVICE_LOG);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
