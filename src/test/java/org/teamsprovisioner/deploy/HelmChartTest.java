package org.teamsprovisioner.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.teamsprovisioner.deploy.Chart.at;
import static org.teamsprovisioner.deploy.Chart.cast;
import static org.teamsprovisioner.deploy.Chart.list;

import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.teamsprovisioner.policy.PolicyProperties;
import org.teamsprovisioner.provisioning.jobs.JobsProperties;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.teamsprovisioner.support.NodeTools;

/**
 * The Helm chart, linted and rendered by Helm (as `helm lint` and `helm template`), its manifests
 * validated against Kubernetes' own schemas, and what matters in them checked by name: probes,
 * security context, credentials by reference only, graceful shutdown, scraping, egress.
 */
class HelmChartTest {

    private static Chart.Rendered defaults;
    private static Chart.Rendered full;

    @BeforeAll
    static void render() {
        defaults = Chart.render();
        full = Chart.render(Chart.FULL_VALUES);
    }

    @Test
    void chartLintsWithoutAWarningWithItsDefaultValuesAndWithTheFullValues() {
        for (LintResult lint : List.of(Chart.lint(), Chart.lint(Chart.FULL_VALUES))) {
            assertThat(lint.isFailed()).as("helm lint --strict: %s", lint.getMessages()).isFalse();
            assertThat(lint.getMessages()).noneMatch(message -> message.contains("[WARNING]") || message.contains("[ERROR]"));
        }
    }

    @Test
    void lintFailsWhenTheValuesBreakTheChart() {
        LintResult lint = Chart.lint(Path.of("src/test/resources/helm/wrong-types-values.yaml"));
        assertThat(lint.isFailed()).isTrue();
        assertThat(lint.getMessages()).anyMatch(message -> message.contains("replicaCount"));
    }

    @Test
    void defaultValuesRenderTheServiceAloneAndEveryManifestIsValidKubernetes() {
        assertThat(defaults.kinds()).containsExactlyInAnyOrder(
                "ServiceAccount", "ConfigMap", "Service", "Service", "Deployment", "PodDisruptionBudget");
        assertValidKubernetes(defaults, "defaults");
    }

    @Test
    void fullValuesRenderEveryOptionalResourceAndEveryManifestIsValidKubernetes() {
        assertThat(full.kinds()).containsExactlyInAnyOrder("ServiceAccount", "ConfigMap", "Service", "Service", "Deployment",
                "PodDisruptionBudget", "HorizontalPodAutoscaler", "ServiceMonitor", "PrometheusRule", "NetworkPolicy");
        assertValidKubernetes(full, "full");
    }

    @Test
    void schemaValidationCatchesAManifestKubernetesWouldRefuse() {
        String broken = defaults.yaml().replace("containerPort: 8081", "containerPort: \"management\"");
        NodeTools.Result result = NodeTools.node("validate-manifests.mjs",
                new Chart.Rendered(broken, List.of()).write(Path.of("target/helm/broken.yaml")).toString());
        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        assertThat(result.output()).contains("INVALID apps/v1/Deployment", "containerPort must be integer");
    }

    @Test
    void valuesOfTheWrongTypeAreRejectedByTheSchema() {
        assertThatThrownBy(() -> Chart.render(Path.of("src/test/resources/helm/wrong-types-values.yaml")))
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining("replicaCount")
                .hasMessageContaining("ports/management")
                .hasMessageContaining("podDisruptionBudget/enabled")
                .hasMessageContaining("database/port");
    }

    @Test
    void aMisspelledKeyIsRejectedInsteadOfIgnored() {
        assertThatThrownBy(() -> Chart.render(Path.of("src/test/resources/helm/unknown-keys-values.yaml")))
                .hasMessageContaining("replicas")
                .hasMessageContaining("owner");
    }

    @Test
    void aPasswordInTheValuesIsRejectedSinceCredentialsComeFromSecretsOnly() {
        assertThatThrownBy(() -> Chart.render(Path.of("src/test/resources/helm/password-in-values.yaml")))
                .hasMessageContaining("password");
    }

    @Test
    void probesAskActuatorsLivenessAndReadinessGroupsOnTheManagementPortThatTheApiServiceLeavesOut() {
        for (Chart.Rendered rendered : List.of(defaults, full)) {
            Map<String, Object> container = container(rendered);
            assertThat(at(container, "startupProbe", "httpGet")).isEqualTo(Map.of("path", "/actuator/health/liveness", "port", "management"));
            assertThat(at(container, "livenessProbe", "httpGet")).isEqualTo(Map.of("path", "/actuator/health/liveness", "port", "management"));
            assertThat(at(container, "readinessProbe", "httpGet")).isEqualTo(Map.of("path", "/actuator/health/readiness", "port", "management"));
            assertThat(list(container.get("ports"))).containsExactlyInAnyOrder(
                    Map.of("name", "http", "containerPort", 8080, "protocol", "TCP"),
                    Map.of("name", "management", "containerPort", 8081, "protocol", "TCP"));
            assertThat(env(container)).containsEntry("SERVER_PORT", "8080").containsEntry("MANAGEMENT_SERVER_PORT", "8081")
                    .containsEntry("SPRING_PROFILES_ACTIVE", "prod");
            String name = (String) at(rendered.get("Deployment"), "metadata", "name");
            Map<String, Object> api = service(rendered, name, "teams-provisioner");
            assertThat(list(at(api, "spec", "ports"))).singleElement().satisfies(port -> assertThat(cast(port)).containsEntry("targetPort", "http"));
        }
    }

    @Test
    void podRunsAsNonRootWithAReadOnlyRootFilesystemNoCapabilitiesAndOnlyTmpWritable() {
        Map<String, Object> pod = cast(at(defaults.get("Deployment"), "spec", "template", "spec"));
        assertThat(cast(pod.get("securityContext"))).containsEntry("runAsNonRoot", true).containsEntry("runAsUser", 10001)
                .containsEntry("seccompProfile", Map.of("type", "RuntimeDefault"));
        assertThat(pod).containsEntry("automountServiceAccountToken", false);
        Map<String, Object> container = container(defaults);
        assertThat(cast(container.get("securityContext"))).containsEntry("runAsNonRoot", true).containsEntry("runAsUser", 10001)
                .containsEntry("readOnlyRootFilesystem", true).containsEntry("allowPrivilegeEscalation", false)
                .containsEntry("capabilities", Map.of("drop", List.of("ALL")))
                .containsEntry("seccompProfile", Map.of("type", "RuntimeDefault"));
        assertThat(list(container.get("volumeMounts"))).containsExactlyInAnyOrder(
                Map.of("name", "tmp", "mountPath", "/tmp"),
                Map.of("name", "config", "mountPath", "/app/config", "readOnly", true));
        assertThat(list(pod.get("volumes"))).anySatisfy(volume ->
                assertThat(cast(volume)).containsEntry("name", "tmp").containsKey("emptyDir"));
    }

    @Test
    void credentialsAreReadFromExistingSecretsByReferenceAndNoSecretIsRendered() {
        assertThat(secretRefs(container(defaults))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "PROVISIONER_DB_USER", "teams-provisioner-db/username",
                "PROVISIONER_DB_PASSWORD", "teams-provisioner-db/password",
                "PROVISIONER_GRAPH_TENANT_ID", "teams-provisioner-graph/tenant-id",
                "PROVISIONER_GRAPH_CLIENT_ID", "teams-provisioner-graph/client-id",
                "PROVISIONER_GRAPH_CLIENT_SECRET", "teams-provisioner-graph/client-secret"));
        assertThat(secretRefs(container(full))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "PROVISIONER_DB_USER", "provisioner-database/user",
                "PROVISIONER_DB_PASSWORD", "provisioner-database/pass",
                "PROVISIONER_GRAPH_TENANT_ID", "provisioner-entra/tenant",
                "PROVISIONER_GRAPH_CLIENT_ID", "provisioner-entra/client",
                // No client secret: the full values use workload identity.
                "EXTRA_TOKEN", "provisioner-extra/token"));
        // Names that hold a credential; which kind of credential is used (…_CREDENTIAL_TYPE) is not one.
        Pattern secretish = Pattern.compile("(?i)(?!.*_TYPE$).*(password|secret|token|credential).*");
        for (Chart.Rendered rendered : List.of(defaults, full)) {
            assertThat(rendered.kinds()).doesNotContain("Secret");
            for (Object variable : list(container(rendered).get("env"))) {
                Map<String, Object> env = cast(variable);
                if (secretish.matcher((String) env.get("name")).matches()) {
                    assertThat(env).as("%s comes from a Secret", env.get("name")).doesNotContainKey("value");
                }
            }
            Map<String, Object> application = applicationYaml(rendered);
            assertThat(flatten("", application).keySet()).noneMatch(key -> secretish.matcher(key).matches());
        }
    }

    @Test
    void gracePeriodCoversThePreStopSleepTheJobAndWebhookWorkersStopAndTheGracefulWebShutdown() throws IOException {
        Binder packaged = new Binder(new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml")).stream()
                .map(org.springframework.boot.context.properties.source.ConfigurationPropertySource::from).toList());
        Duration webShutdown = packaged.bind("spring.lifecycle.timeout-per-shutdown-phase", Duration.class).get();
        assertThat(packaged.bind("server.shutdown", String.class).get()).isEqualTo("graceful");
        Duration jobsStop = Binder.get(new StandardEnvironment()).bindOrCreate("provisioner.jobs", JobsProperties.class).shutdownMaxWait();
        // Both schedulers are stopped one after the other, in the same lifecycle phase.
        Duration webhooksStop = Binder.get(new StandardEnvironment())
                .bindOrCreate("provisioner.webhooks", org.teamsprovisioner.webhooks.WebhookProperties.class).shutdownMaxWait();
        for (Chart.Rendered rendered : List.of(defaults, full)) {
            Map<String, Object> pod = cast(at(rendered.get("Deployment"), "spec", "template", "spec"));
            int preStop = (Integer) at(container(rendered), "lifecycle", "preStop", "sleep", "seconds");
            int grace = (Integer) pod.get("terminationGracePeriodSeconds");
            assertThat(preStop).isPositive();
            assertThat(Duration.ofSeconds(grace)).isGreaterThan(Duration.ofSeconds(preStop).plus(jobsStop).plus(webhooksStop).plus(webShutdown));
            assertThat(at(rendered.get("Deployment"), "spec", "strategy", "rollingUpdate", "maxUnavailable")).isEqualTo(0);
        }
    }

    @Test
    void replicasSpreadOverNodesAndZonesAndAreLeftToTheAutoscalerWhenItIsOn() {
        assertThat(at(defaults.get("Deployment"), "spec", "replicas")).isEqualTo(2);
        assertThat(list(at(defaults.get("Deployment"), "spec", "template", "spec", "topologySpreadConstraints")))
                .extracting(constraint -> cast(constraint).get("topologyKey"))
                .containsExactly("kubernetes.io/hostname", "topology.kubernetes.io/zone");
        assertThat(cast(at(full.get("Deployment"), "spec"))).doesNotContainKey("replicas");
        assertThat(cast(at(full.get("HorizontalPodAutoscaler"), "spec"))).containsEntry("minReplicas", 3).containsEntry("maxReplicas", 8)
                .containsEntry("scaleTargetRef", Map.of("apiVersion", "apps/v1", "kind", "Deployment", "name", "teams-provisioner"));
        assertThat(at(full.get("PodDisruptionBudget"), "spec", "minAvailable")).isEqualTo(2);
    }

    @Test
    void policyAndOtherSettingsReachTheServiceAsOneApplicationYamlAndAChangeRollsThePods() {
        Map<String, Object> application = applicationYaml(full);
        assertThat(at(application, "provisioner", "policy", "owners")).isEqualTo(Map.of("min", 2, "max", 10, "require-requester", true));
        assertThat(at(application, "provisioner", "policy", "naming", "prefix")).isEqualTo("GRP-[Department]-");
        assertThat(at(application, "provisioner", "graph", "pacing", "create-team")).isEqualTo("5/1s");
        assertThat(at(application, "provisioner", "provisioning", "deadline")).isEqualTo("2h");
        assertThat(applicationYaml(defaults)).isEmpty();

        Chart.Rendered stricter = Chart.render(List.of(Chart.FULL_VALUES), Map.of("policy.owners.min", 3));
        assertThat(at(applicationYaml(stricter), "provisioner", "policy", "owners", "min")).isEqualTo(3);
        assertThat(checksum(stricter)).isNotEqualTo(checksum(full));
    }

    @Test
    void workloadIdentityLabelsThePodsAndAnnotatesTheServiceAccountOnlyWhenOn() {
        assertThat(cast(at(full.get("Deployment"), "spec", "template", "metadata", "labels")))
                .containsEntry("azure.workload.identity/use", "true");
        assertThat(cast(at(full.get("ServiceAccount"), "metadata", "annotations")))
                .containsEntry("azure.workload.identity/client-id", "00000000-0000-0000-0000-000000000001")
                .containsEntry("azure.workload.identity/tenant-id", "00000000-0000-0000-0000-000000000002");
        assertThat(at(full.get("Deployment"), "spec", "template", "spec", "serviceAccountName")).isEqualTo("teams-provisioner-sa");
        assertThat(cast(at(defaults.get("Deployment"), "spec", "template", "metadata", "labels")))
                .doesNotContainKey("azure.workload.identity/use");
        assertThat(cast(at(defaults.get("ServiceAccount"), "metadata"))).doesNotContainKey("annotations");
        assertThatThrownBy(() -> Chart.render(Map.of("workloadIdentity.enabled", true)))
                .hasMessageContaining("workloadIdentity.clientId is required");
    }

    @Test
    void theGraphCredentialFollowsWorkloadIdentityOrTheConfiguredTypeAndOnlyItsSecretIsMounted() {
        assertThat(env(container(defaults))).containsEntry("PROVISIONER_GRAPH_CREDENTIAL_TYPE", "client-secret");
        assertThat(secretRefs(container(defaults))).containsKey("PROVISIONER_GRAPH_CLIENT_SECRET");

        // The full values turn workload identity on: the projected token is the credential, no client secret is read.
        assertThat(env(container(full))).containsEntry("PROVISIONER_GRAPH_CREDENTIAL_TYPE", "workload-identity");
        assertThat(secretRefs(container(full))).doesNotContainKey("PROVISIONER_GRAPH_CLIENT_SECRET");

        Chart.Rendered certificate = Chart.render(Map.of("graph.credentialType", "certificate",
                "graph.certificate.existingSecret", "graph-cert", "graph.certificate.fileKey", "app.pfx",
                "graph.certificate.passwordKey", "password"));
        assertThat(env(container(certificate))).containsEntry("PROVISIONER_GRAPH_CREDENTIAL_TYPE", "certificate")
                .containsEntry("PROVISIONER_GRAPH_CREDENTIAL_CERTIFICATE_PATH", "/var/run/secrets/teams-provisioner/graph/app.pfx");
        assertThat(secretRefs(container(certificate))).containsEntry("PROVISIONER_GRAPH_CREDENTIAL_CERTIFICATE_KEY_PASSWORD",
                "graph-cert/password").doesNotContainKey("PROVISIONER_GRAPH_CLIENT_SECRET");
        assertThat(list(at(certificate.get("Deployment"), "spec", "template", "spec", "volumes")))
                .anySatisfy(volume -> assertThat(at(volume, "secret", "secretName")).isEqualTo("graph-cert"));
        assertValidKubernetes(certificate, "certificate");

        assertThatThrownBy(() -> Chart.render(Map.of("graph.credentialType", "certificate")))
                .hasMessageContaining("graph.certificate.existingSecret is required");
        assertThatThrownBy(() -> Chart.render(Map.of("graph.credentialType", "workload-identity")))
                .hasMessageContaining("needs workloadIdentity.enabled");
    }

    @Test
    void prometheusScrapesTheManagementPortThroughItsOwnServiceAndTheRulesWatchGraphAndTheApi() throws IOException {
        Map<String, Object> metrics = service(full, "teams-provisioner-metrics", "teams-provisioner");
        assertThat(list(at(metrics, "spec", "ports"))).singleElement()
                .isEqualTo(Map.of("name", "management", "port", 8081, "targetPort", "management", "protocol", "TCP"));
        Map<String, Object> monitor = full.get("ServiceMonitor");
        assertThat(list(at(monitor, "spec", "endpoints"))).singleElement()
                .isEqualTo(Map.of("port", "management", "path", "/actuator/prometheus", "interval", "15s"));
        assertThat(cast(at(metrics, "metadata", "labels"))).containsAllEntriesOf(cast(at(monitor, "spec", "selector", "matchLabels")));
        Map<String, Object> api = service(full, "teams-provisioner", "teams-provisioner");
        assertThat(cast(at(api, "metadata", "labels"))).doesNotContainEntry("app.kubernetes.io/component", "metrics");

        List<Object> rules = list(at(full.get("PrometheusRule"), "spec", "groups", 0, "rules"));
        assertThat(rules).extracting(rule -> cast(rule).get("alert")).containsExactly("TeamsProvisionerDown",
                "TeamsProvisionerGraphCircuitOpen", "TeamsProvisionerApiErrors", "TeamsProvisionerHeapNearlyFull", "TeamsProvisionerBacklogStuck",
                "TeamsProvisionerGraphFailing", "TeamsProvisionerThrottled", "TeamsProvisionerRequestsFailing", "TeamsProvisionerSlowTeams",
                "TeamsProvisionerRestarting");
        // Every alert the chart ships has its "what to do" (the last one is the full values' extraRules).
        String runbook = Files.readString(Path.of("docs/observability.md"));
        assertThat(rules.subList(0, rules.size() - 1)).allSatisfy(rule -> assertThat(runbook).contains("### " + cast(rule).get("alert")));
        assertThat((String) cast(rules.get(1)).get("expr"))
                .contains("resilience4j_circuitbreaker_state{job=\"teams-provisioner-metrics\", namespace=\"teams\", state=\"open\"}");
        assertThat(at(cast(rules.get(1)), "annotations", "summary")).isEqualTo("Graph workload {{ $labels.name }} is failing; its calls are held back.");
    }

    @Test
    void networkPolicyLetsOutOnlyDnsPostgresqlAndHttpsToTheConfiguredRanges() {
        Map<String, Object> policy = cast(full.get("NetworkPolicy").get("spec"));
        assertThat(list(policy.get("policyTypes"))).containsExactly("Ingress", "Egress");
        List<Object> egress = list(policy.get("egress"));
        assertThat(egress).hasSize(3);
        assertThat(list(cast(egress.get(0)).get("ports"))).extracting(port -> cast(port).get("port")).containsExactly(53, 53);
        assertThat(cast(egress.get(1))).isEqualTo(Map.of("ports", List.of(Map.of("port", 6432, "protocol", "TCP")),
                "to", List.of(Map.of("ipBlock", Map.of("cidr", "10.20.30.0/24")))));
        assertThat(cast(egress.get(2))).isEqualTo(Map.of("ports", List.of(Map.of("port", 443, "protocol", "TCP")),
                "to", List.of(Map.of("ipBlock", Map.of("cidr", "20.190.128.0/18")), Map.of("ipBlock", Map.of("cidr", "40.126.0.0/18")))));
        List<Object> ingress = list(policy.get("ingress"));
        assertThat(ingress).extracting(rule -> at(rule, "ports", 0, "port")).containsExactly("http", "management");

        Chart.Rendered byDefault = Chart.render(Map.of("networkPolicy.enabled", true));
        assertThat(list(at(byDefault.get("NetworkPolicy"), "spec", "egress", 2, "to"))).singleElement().isEqualTo(Map.of("ipBlock",
                Map.of("cidr", "0.0.0.0/0", "except", List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"))));
        assertThat(list(at(byDefault.get("NetworkPolicy"), "spec", "ingress"))).as("no one may reach the management port")
                .singleElement().satisfies(rule -> assertThat(at(rule, "ports", 0, "port")).isEqualTo("http"));
    }

    @Test
    void valuesSchemaKnowsExactlyThePolicyKeysAndTypesTheServiceBinds() throws IOException {
        JsonNode policy = JsonMapper.builder().build().readTree(Chart.DIRECTORY.resolve("values.schema.json").toFile())
                .at("/properties/policy");
        assertThat(policy.get("additionalProperties").asBoolean(true)).isFalse();
        assertThat(schemaShape(policy)).isEqualTo(bindingShape(PolicyProperties.class));
    }

    @Test
    void everyKeyOfValuesYamlIsDescribedByAComment() throws IOException {
        List<String> lines = Files.readAllLines(Chart.DIRECTORY.resolve("values.yaml"));
        List<String> undescribed = new ArrayList<>();
        Pattern key = Pattern.compile("^(\\s*)[\\w./-]+:.*");
        int listItem = -1; // indentation of the list item being skipped: default list contents are Kubernetes objects
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            String text = line.strip();
            int indent = line.length() - line.stripLeading().length();
            if (text.isEmpty() || text.startsWith("#") || (listItem >= 0 && indent > listItem)) {
                continue;
            }
            listItem = text.startsWith("- ") ? indent : -1;
            boolean described = line.contains("#") || (n > 0 && lines.get(n - 1).strip().startsWith("#"));
            if (listItem < 0 && key.matcher(line).matches() && !described) {
                undescribed.add((n + 1) + ": " + line);
            }
        }
        assertThat(undescribed).as("keys of values.yaml without a comment").isEmpty();
    }

    @Test
    void chartsAppVersionIsTheServicesVersion() throws IOException {
        Map<String, Object> chart = new Yaml().load(Files.readString(Chart.DIRECTORY.resolve("Chart.yaml")));
        String pom = Files.readString(Path.of("pom.xml"));
        String version = pom.substring(pom.indexOf("</parent>")).replaceFirst("(?s).*?<version>([^<]+)</version>.*", "$1");
        assertThat(chart.get("appVersion")).isEqualTo(version);
        assertThat(at(defaults.get("Deployment"), "spec", "template", "spec", "containers", 0, "image"))
                .isEqualTo("teams-provisioner:" + version);
    }

    private static void assertValidKubernetes(Chart.Rendered rendered, String name) {
        Path file = rendered.write(Path.of("target/helm/" + name + ".yaml"));
        NodeTools.Result result = NodeTools.node("validate-manifests.mjs", file.toString());
        assertThat(result.exitCode()).as("schema validation of %s:%n%s", file, result.output()).isZero();
        assertThat(result.output().lines().filter(line -> line.startsWith("VALID "))).hasSize(rendered.manifests().size());
    }

    static Map<String, Object> container(Chart.Rendered rendered) {
        return cast(at(rendered.get("Deployment"), "spec", "template", "spec", "containers", 0));
    }

    /** Plain environment variables (name → value); those from references are left out. */
    static Map<String, String> env(Map<String, Object> container) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        for (Object variable : list(container.get("env"))) {
            Map<String, Object> entry = cast(variable);
            if (entry.containsKey("value")) {
                env.put((String) entry.get("name"), (String) entry.get("value"));
            }
        }
        return env;
    }

    private static Map<String, String> secretRefs(Map<String, Object> container) {
        Map<String, String> refs = new java.util.LinkedHashMap<>();
        for (Object variable : list(container.get("env"))) {
            Object ref = at(variable, "valueFrom", "secretKeyRef");
            if (ref != null) {
                refs.put((String) cast(variable).get("name"), at(ref, "name") + "/" + at(ref, "key"));
            }
        }
        return refs;
    }

    static Map<String, Object> applicationYaml(Chart.Rendered rendered) {
        Object parsed = new Yaml().load((String) at(rendered.get("ConfigMap"), "data", "application.yaml"));
        return parsed == null ? Map.of() : cast(parsed);
    }

    private static Object checksum(Chart.Rendered rendered) {
        return at(rendered.get("Deployment"), "spec", "template", "metadata", "annotations", "checksum/config");
    }

    private static Map<String, Object> service(Chart.Rendered rendered, String name, String selectedApp) {
        Map<String, Object> service = rendered.all("Service").stream().filter(s -> name.equals(at(s, "metadata", "name")))
                .findFirst().orElseThrow(() -> new AssertionError("no Service " + name));
        assertThat(cast(at(service, "spec", "selector"))).containsEntry("app.kubernetes.io/name", selectedApp);
        return service;
    }

    /** The keys Spring Boot binds into a settings record (kebab-case, or @Name), with the JSON type each takes. */
    private static Map<String, Object> bindingShape(Class<?> record) {
        Map<String, Object> shape = new java.util.TreeMap<>();
        RecordComponent[] components = record.getRecordComponents();
        Parameter[] parameters;
        try {
            parameters = record.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new))
                    .getParameters();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < components.length; i++) {
            Name name = parameters[i].getAnnotation(Name.class);
            String key = name != null ? name.value() : components[i].getName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
            Class<?> type = components[i].getType();
            Object value;
            if (type.isRecord()) {
                value = bindingShape(type);
            } else if (type.isEnum()) {
                value = "enum " + Arrays.stream(type.getEnumConstants())
                        .map(constant -> constant.toString().toLowerCase(Locale.ROOT).replace('_', '-')).toList();
            } else if (type == int.class || type == Integer.class) {
                value = "integer";
            } else if (type == boolean.class || type == Boolean.class) {
                value = "boolean";
            } else if (List.class.isAssignableFrom(type)) {
                value = "array";
            } else if (Map.class.isAssignableFrom(type)) {
                value = "object";
            } else {
                value = "string";
            }
            shape.put(key, value);
        }
        return shape;
    }

    /** The same shape read from a JSON schema object. */
    private static Map<String, Object> schemaShape(JsonNode schema) {
        Map<String, Object> shape = new java.util.TreeMap<>();
        for (Map.Entry<String, JsonNode> property : schema.get("properties").properties()) {
            JsonNode node = property.getValue();
            Object value;
            if (node.has("properties")) {
                value = schemaShape(node);
            } else if (node.has("enum")) {
                List<String> values = new ArrayList<>();
                node.get("enum").forEach(v -> values.add(v.asString()));
                value = "enum " + values;
            } else {
                value = node.get("type").asString();
            }
            shape.put(property.getKey(), value);
        }
        return shape;
    }

    private static Map<String, Object> flatten(String prefix, Map<String, Object> tree) {
        Map<String, Object> flat = new java.util.LinkedHashMap<>();
        tree.forEach((key, value) -> {
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?> map) {
                flat.putAll(flatten(path, cast(map)));
            } else {
                flat.put(path, value);
            }
        });
        return flat;
    }
}
