package org.teamsprovisioner.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Dockerfile's steps replayed on this machine, without a Docker engine: the build stage's steps
 * after the Maven build (the jar is already packaged, as Maven ran before the IT), then the image
 * stage's WORKDIR, COPY and RUN into a directory that stands for the image's root filesystem.
 * Instructions it does not know fail the replay, so the Dockerfile cannot do more than is tested.
 */
final class ImageBuild {

    /** The build stage works in the project's own layout: WORKDIR /workspace holds the repository's files at their paths. */
    static final String WORKSPACE = "/workspace";

    private final Dockerfile dockerfile;
    private final Path project;
    private final Path root;
    private final List<String> entrypoint = new ArrayList<>();
    private String user;
    private Path workdir;

    ImageBuild(Dockerfile dockerfile, Path project, Path root) {
        this.dockerfile = dockerfile;
        this.project = project.toAbsolutePath();
        this.root = root.toAbsolutePath();
    }

    /** Replays both stages; the image's files are then under {@link #root()}. */
    ImageBuild run(Path log) {
        delete(root);
        replayBuildStage(log);
        replayImageStage(log);
        return this;
    }

    private void replayBuildStage(Path log) {
        Dockerfile.Stage build = dockerfile.stage("build");
        assertThat(build.last("WORKDIR").arguments()).isEqualTo(WORKSPACE);
        boolean packaged = false;
        for (Dockerfile.Instruction step : build.instructions()) {
            if (step.is("COPY")) {
                List<String> operands = step.operands();
                String destination = operands.get(operands.size() - 1);
                for (String source : operands.subList(0, operands.size() - 1)) {
                    assertThat(destination).as("line %d keeps %s at its path in the workspace", step.line(), source)
                            .isIn(source, "./");
                }
            } else if (step.is("RUN") && step.arguments().startsWith("./mvnw")) {
                packaged |= step.arguments().contains(" package");
            } else if (step.is("RUN")) {
                assertThat(packaged).as("line %d runs after the Maven build", step.line()).isTrue();
                // The destination of a fresh build stage does not exist yet.
                delete(project.resolve("target/layers"));
                exec(List.of("sh", "-c", step.arguments()), project, log);
            } else if (!step.is("WORKDIR")) {
                throw new AssertionError("line " + step.line() + ": the replay of the build stage does not know " + step.keyword());
            }
        }
        assertThat(packaged).as("the build stage packages the jar with ./mvnw").isTrue();
    }

    private void replayImageStage(Path log) {
        for (Dockerfile.Instruction step : dockerfile.image().instructions()) {
            switch (step.keyword()) {
                case "WORKDIR" -> {
                    workdir = inImage(step.arguments());
                    mkdirs(workdir);
                }
                case "COPY" -> copy(step);
                case "RUN" -> {
                    List<String> command = new ArrayList<>(step.execForm());
                    command.set(0, inImage(command.get(0)).toString());
                    exec(command, workdir, log);
                }
                case "USER" -> user = step.arguments();
                case "ENTRYPOINT" -> entrypoint.addAll(step.execForm());
                case "ARG", "LABEL", "EXPOSE" -> {
                    // Metadata only.
                }
                default -> throw new AssertionError("line " + step.line() + ": the replay of the image does not know " + step.keyword());
            }
        }
    }

    private void copy(Dockerfile.Instruction step) {
        List<String> operands = step.operands();
        String from = step.option("from");
        String target = operands.get(operands.size() - 1);
        Path destination = target.startsWith("/") ? inImage(target) : workdir.resolve(target);
        for (String source : operands.subList(0, operands.size() - 1)) {
            Path path;
            if (from == null) {
                path = project.resolve(source);
            } else {
                assertThat(from).isEqualTo("build");
                assertThat(source).as("line %d copies from the build stage's workspace", step.line()).startsWith(WORKSPACE + "/");
                path = project.resolve(source.substring(WORKSPACE.length() + 1));
            }
            assertThat(path).as("line %d: %s", step.line(), source).exists();
            if (Files.isDirectory(path)) {
                copyTree(path, destination); // COPY dir/ dest: the directory's contents
            } else {
                copyFile(path, destination.resolve(path.getFileName().toString()));
            }
        }
    }

    /** A path of the image (absolute, as in the Dockerfile) on this machine. */
    Path inImage(String path) {
        assertThat(path).as("an absolute path in the image").startsWith("/");
        return root.resolve(path.substring(1));
    }

    Path root() {
        return root;
    }

    /** The working directory the image's ENTRYPOINT starts in. */
    Path workdir() {
        return workdir;
    }

    /** The ENTRYPOINT with its program as a path on this machine. */
    List<String> entrypoint() {
        List<String> command = new ArrayList<>(entrypoint);
        command.set(0, inImage(command.get(0)).toString());
        return command;
    }

    /** USER of the image, e.g. 10001:10001. */
    String user() {
        return user;
    }

    /** The PATH under which the image's programs find this JVM's java, as the image finds its JRE's. */
    static String javaPath() {
        return Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator + "/usr/bin" + File.pathSeparator + "/bin";
    }

    private static void exec(List<String> command, Path directory, Path log) {
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "$ " + String.join(" ", command) + System.lineSeparator(),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("PATH", javaPath());
            Process process = builder.start();
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish within 180 s (see " + log + ")");
            }
            assertThat(process.exitValue()).as("%s (see %s)", command, log).isZero();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void copyTree(Path source, Path destination) {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = destination.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    mkdirs(target);
                } else {
                    copyFile(file, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyFile(Path source, Path target) {
        try {
            mkdirs(target.getParent());
            // Modes and times as Docker's COPY keeps them: the scripts stay executable.
            Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void mkdirs(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
