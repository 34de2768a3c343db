package org.teamsprovisioner.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The repository's Dockerfile as its stages and instructions, so tests can check it and replay its
 * steps without a Docker engine. Knows the syntax the file uses: comments, parser directives, line
 * continuations, shell and exec (JSON) forms.
 */
final class Dockerfile {

    record Instruction(String keyword, String arguments, int line) {

        boolean is(String name) {
            return keyword.equals(name);
        }

        /** The JSON array of an exec-form RUN, ENTRYPOINT or CMD; fails on the shell form. */
        List<String> execForm() {
            if (!arguments.startsWith("[")) {
                throw new AssertionError("line " + line + ": " + keyword + " is in shell form, expected exec form: " + arguments);
            }
            return JsonMapper.builder().build().readValue(arguments, new TypeReference<List<String>>() { });
        }

        /** The words of the arguments, options (--from=...) included. */
        List<String> words() {
            return List.of(arguments.trim().split("\\s+"));
        }

        /** The value of option --name=value, or null. */
        String option(String name) {
            for (String word : words()) {
                if (word.startsWith("--" + name + "=")) {
                    return word.substring(name.length() + 3);
                }
            }
            return null;
        }

        /** The words that are not options. */
        List<String> operands() {
            return words().stream().filter(word -> !word.startsWith("--")).toList();
        }
    }

    record Stage(String image, String name, List<Instruction> instructions) {

        List<Instruction> all(String keyword) {
            return instructions.stream().filter(i -> i.is(keyword)).toList();
        }

        Instruction last(String keyword) {
            List<Instruction> found = all(keyword);
            if (found.isEmpty()) {
                throw new AssertionError("stage " + (name == null ? image : name) + " has no " + keyword);
            }
            return found.get(found.size() - 1);
        }
    }

    private final List<Stage> stages;

    private Dockerfile(List<Stage> stages) {
        this.stages = stages;
    }

    static Dockerfile read(Path file) {
        try {
            return parse(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Dockerfile parse(List<String> lines) {
        List<Stage> stages = new ArrayList<>();
        List<Instruction> current = null;
        StringBuilder pending = null;
        int start = 0;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            String trimmed = line.trim();
            if (pending == null && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                continue;
            }
            if (pending != null && trimmed.startsWith("#")) {
                continue; // a comment inside a continued instruction
            }
            if (pending == null) {
                pending = new StringBuilder();
                start = n + 1;
            }
            boolean continued = trimmed.endsWith("\\");
            pending.append(continued ? trimmed.substring(0, trimmed.length() - 1) : trimmed).append(' ');
            if (continued) {
                continue;
            }
            String text = pending.toString().trim();
            pending = null;
            int space = text.indexOf(' ');
            String keyword = (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
            String arguments = space < 0 ? "" : text.substring(space + 1).trim();
            if (keyword.equals("FROM")) {
                String[] words = arguments.split("\\s+");
                String name = words.length == 3 && words[1].equalsIgnoreCase("AS") ? words[2] : null;
                current = new ArrayList<>();
                stages.add(new Stage(words[0], name, current));
            } else if (current == null) {
                if (!keyword.equals("ARG")) {
                    throw new AssertionError("line " + start + ": " + keyword + " before the first FROM");
                }
            } else {
                current.add(new Instruction(keyword, arguments, start));
            }
        }
        return new Dockerfile(List.copyOf(stages));
    }

    List<Stage> stages() {
        return stages;
    }

    Stage stage(String name) {
        return stages.stream().filter(s -> name.equals(s.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no stage named " + name));
    }

    /** The stage the image is made of. */
    Stage image() {
        return stages.get(stages.size() - 1);
    }
}
