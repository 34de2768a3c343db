package org.teamsprovisioner.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The npm packages of the offline checks (src/test/node/package.json and its lock: dockerfilelint,
 * kubernetes-models with Kubernetes' schemas, Spectral for the OpenAPI document), installed with {@code npm ci} into target/node-tools
 * once per lock file; npm's own cache (~/.npm) serves later clean builds. Needs node and npm on the
 * PATH, nothing else.
 */
public final class NodeTools {

    public record Result(int exitCode, String output) {
    }

    private static final Path SOURCES = Path.of("src/test/node");
    private static final Path HOME = Path.of("target/node-tools");

    private NodeTools() {
    }

    /** Runs {@code node SCRIPT args} with a script of src/test/node, in the project directory. */
    public static Result node(String script, String... args) {
        List<String> command = new ArrayList<>(List.of("node", home().resolve(script).toString()));
        command.addAll(Arrays.asList(args));
        return run(command, Path.of("."), 120);
    }

    /** Runs {@code node FILE args} for a self-contained script (Node's own modules only): no npm install. */
    public static Result script(Path file, String... args) {
        List<String> command = new ArrayList<>(List.of("node", file.toString()));
        command.addAll(Arrays.asList(args));
        return run(command, Path.of("."), 120);
    }

    /** Runs an installed package's command (node_modules/.bin), in the project directory. */
    public static Result bin(String name, String... args) {
        List<String> command = new ArrayList<>(List.of(home().resolve("node_modules/.bin/" + name).toString()));
        command.addAll(Arrays.asList(args));
        return run(command, Path.of("."), 120);
    }

    private static synchronized Path home() {
        try {
            Files.createDirectories(HOME);
            for (String file : List.of("package.json", "package-lock.json", "validate-manifests.mjs")) {
                Files.copy(SOURCES.resolve(file), HOME.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
            Path stamp = HOME.resolve("installed-package-lock.json");
            byte[] lock = Files.readAllBytes(SOURCES.resolve("package-lock.json"));
            if (!Files.exists(stamp) || !Arrays.equals(Files.readAllBytes(stamp), lock)
                    || !Files.isDirectory(HOME.resolve("node_modules"))) {
                Result install = run(List.of("npm", "ci", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"), HOME, 300);
                if (install.exitCode() != 0) {
                    throw new IllegalStateException("npm ci in " + HOME + " failed:\n" + install.output());
                }
                Files.write(stamp, lock);
            }
            return HOME;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Result run(List<String> command, Path directory, int timeoutSeconds) {
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
            // Small outputs only (a lint report, one line per manifest): read to the end, then wait.
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish within " + timeoutSeconds + " s");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + command.get(0)
                    + ": the offline checks need node and npm on the PATH (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
