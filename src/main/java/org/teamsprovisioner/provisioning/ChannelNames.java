package org.teamsprovisioner.provisioning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Teams' rules for channel names (Microsoft Teams limits and specifications; Graph's create-team
 * and create-channel validation), checked here so a portal learns of them before Graph refuses.
 */
final class ChannelNames {

    static final int MAX_LENGTH = 50;
    static final String FORBIDDEN_CHARACTERS = "~#%&*{}+/\\:<>?|'\",";
    // Names Teams keeps for itself: the default channel, and names of its built-in tabs and folders.
    static final Set<String> RESERVED = Set.of("general", "conversations", "files", "notes", "settings", "wiki", "posts");

    private ChannelNames() {
    }

    /** What is wrong with {@code name}; empty when Teams accepts it. */
    static List<String> problems(String name) {
        List<String> problems = new ArrayList<>();
        if (name.length() > MAX_LENGTH) {
            problems.add("must be at most " + MAX_LENGTH + " characters");
        }
        for (char c : name.toCharArray()) {
            if (FORBIDDEN_CHARACTERS.indexOf(c) >= 0) {
                problems.add("may not contain '" + c + "'");
                break;
            }
        }
        if (name.contains("..")) {
            problems.add("may not contain '..'");
        }
        if (name.startsWith("_") || name.startsWith(".")) {
            problems.add("may not start with '_' or '.'");
        }
        if (name.endsWith(".")) {
            problems.add("may not end with '.'");
        }
        if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            problems.add("'" + name + "' is reserved by Teams");
        }
        return problems;
    }
}
