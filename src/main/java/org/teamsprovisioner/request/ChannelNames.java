package org.teamsprovisioner.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Teams' rules for channel names, checked here so a portal learns of them before Graph refuses the
 * team in the job. Source: "Limits and specifications for Microsoft Teams", section "Channel
 * names": names can't contain {@code ~ # % & * { } + / \ : < > ? | ' " ,} or {@code ..}, characters
 * in the ranges 0 to 1F and 80 to 9F, or the words forms, CON, CONIN$, CONOUT$, PRN, AUX, NUL, COM1
 * to COM9, LPT1 to LPT9, desktop.ini, _vti_; and can't start with an underscore or period, or end
 * with a period. Graph's Create channel: "the maximum length of the channel's displayName is 50
 * characters". The words are SharePoint's reserved names (a channel is a folder of the team's
 * site), which it matches as the whole name in any case, except {@code _vti_}, refused anywhere.
 * Lengths are UTF-16 code units, as Graph (.NET) counts them. General, Files, Posts and the like
 * are not on the list; only the team's General channel takes its name ({@link TeamsLimits}).
 * The simulator checks the same rules separately; {@code channel-names.csv} holds both to them.
 */
final class ChannelNames {

    static final int MAX_LENGTH = 50;
    static final String FORBIDDEN_CHARACTERS = "~#%&*{}+/\\:<>?|'\",";
    private static final Set<String> RESERVED = Stream.concat(
                    Stream.of("forms", "con", "conin$", "conout$", "prn", "aux", "nul", "desktop.ini"),
                    IntStream.rangeClosed(1, 9).boxed().flatMap(n -> Stream.of("com" + n, "lpt" + n)))
            .collect(Collectors.toUnmodifiableSet());

    private ChannelNames() {
    }

    /** What is wrong with {@code name}; empty when Teams accepts it. */
    static List<String> problems(String name) {
        List<String> problems = new ArrayList<>();
        if (name.length() > MAX_LENGTH) {
            problems.add("must be at most " + MAX_LENGTH + " characters");
        }
        name.chars().filter(c -> FORBIDDEN_CHARACTERS.indexOf(c) >= 0).findFirst()
                .ifPresent(c -> problems.add("may not contain '" + (char) c + "'"));
        name.chars().filter(ChannelNames::isControl).findFirst()
                .ifPresent(c -> problems.add("may not contain control characters (U+" + String.format("%04X", c) + ")"));
        if (name.contains("..")) {
            problems.add("may not contain '..'");
        }
        if (name.startsWith("_") || name.startsWith(".")) {
            problems.add("may not start with '_' or '.'");
        }
        if (name.endsWith(".")) {
            problems.add("may not end with '.'");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (RESERVED.contains(lower)) {
            problems.add("'" + name + "' is reserved by Teams");
        }
        if (lower.contains("_vti_")) {
            problems.add("may not contain '_vti_'");
        }
        return problems;
    }

    private static boolean isControl(int c) {
        return c <= 0x1F || (c >= 0x80 && c <= 0x9F);
    }
}
