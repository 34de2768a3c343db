package org.teamsprovisioner.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The Helm chart helm/teams-provisioner, linted and rendered by Helm itself (helm-java), as `helm template` would. */
final class Chart {

    static final Path DIRECTORY = Path.of("helm/teams-provisioner");
    static final Path FULL_VALUES = DIRECTORY.resolve("ci/full-values.yaml");
    static final String RELEASE = "tp";
    static final String NAMESPACE = "teams";
    /** The Kubernetes release whose schemas kubernetes-models 5.1 bundles (src/test/node/package.json). */
    static final String KUBERNETES = "1.34.0";

    /** The manifests of one rendering, as helm template printed them and as parsed YAML. */
    record Rendered(String yaml, List<Map<String, Object>> manifests) {

        Map<String, Object> get(String kind) {
            List<Map<String, Object>> found = all(kind);
            if (found.size() != 1) {
                throw new AssertionError("expected one " + kind + ", rendered " + found.size());
            }
            return found.get(0);
        }

        List<Map<String, Object>> all(String kind) {
            return manifests.stream().filter(m -> kind.equals(m.get("kind"))).toList();
        }

        List<String> kinds() {
            return manifests.stream().map(m -> (String) m.get("kind")).toList();
        }

        /** Writes the YAML for tools that read files (the schema validation). */
        Path write(Path file) {
            try {
                Files.createDirectories(file.getParent());
                return Files.writeString(file, yaml);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private Chart() {
    }

    static LintResult lint() {
        return new Helm(DIRECTORY).lint().strict().call();
    }

    /**
     * helm lint --strict -f VALUES: helm-java's lint takes no values file, so a copy of the chart is
     * linted whose values.yaml is the defaults with the file's values coalesced over them, as Helm
     * does (maps merged key by key, anything else replaced).
     */
    static LintResult lint(Path valuesFile) {
        Path copy = Path.of("target/helm/lint-" + valuesFile.getFileName().toString().replace(".yaml", ""), DIRECTORY.getFileName().toString());
        try (Stream<Path> files = Files.walk(DIRECTORY)) {
            ImageBuild.delete(copy.getParent());
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = copy.resolve(DIRECTORY.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
            Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
            Map<String, Object> values = cast(yaml.load(Files.readString(DIRECTORY.resolve("values.yaml"))));
            coalesce(values, cast(yaml.load(Files.readString(valuesFile))));
            Files.writeString(copy.resolve("values.yaml"), yaml.dump(values));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Helm(copy).lint().strict().call();
    }

    private static void coalesce(Map<String, Object> base, Map<String, Object> over) {
        over.forEach((key, value) -> {
            if (value instanceof Map<?, ?> map && base.get(key) instanceof Map<?, ?> existing) {
                coalesce(cast(existing), cast(map));
            } else {
                base.put(key, value);
            }
        });
    }

    /** helm template RELEASE CHART --namespace NAMESPACE --kube-version KUBERNETES -f each file --set each setting. */
    static Rendered render(List<Path> valuesFiles, Map<String, Object> settings) {
        TemplateCommand template = new Helm(DIRECTORY).template().withName(RELEASE).withNamespace(NAMESPACE)
                .withKubeVersion(KUBERNETES);
        for (Path file : valuesFiles) {
            template = template.withValuesFile(file);
        }
        for (Map.Entry<String, Object> setting : settings.entrySet()) {
            template = template.set(setting.getKey(), setting.getValue());
        }
        String yaml = template.call();
        List<Map<String, Object>> manifests = new ArrayList<>();
        Yaml parser = new Yaml(new SafeConstructor(new LoaderOptions()));
        StreamSupport.stream(parser.loadAll(yaml).spliterator(), false)
                .filter(Map.class::isInstance)
                .forEach(document -> manifests.add(cast(document)));
        return new Rendered(yaml, manifests);
    }

    static Rendered render(Path... valuesFiles) {
        return render(List.of(valuesFiles), Map.of());
    }

    static Rendered render(Map<String, Object> settings) {
        return render(List.of(), new LinkedHashMap<>(settings));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    /** The value at a path of map keys and list indexes, e.g. at(deployment, "spec", "template", "spec", "containers", 0). */
    static Object at(Object root, Object... path) {
        Object value = root;
        for (Object step : path) {
            if (value == null) {
                return null;
            }
            value = step instanceof Integer index ? list(value).get(index) : cast(value).get(step);
        }
        return value;
    }
}
