package org.teamsprovisioner.sandbox.createteam;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * What Teams accepts as a channel name, for {@code channels[].displayName} and
 * {@code firstChannelName} alike.
 *
 * <p>Sources: the channel resource ("displayName ... The maximum length is 50 characters") and
 * Microsoft's "Limits and specifications for Microsoft Teams", section "Channel names": names
 * can't contain {@code ~ # % & * { } + / \ : < > ? | ' " ,} or {@code ..}, characters in the
 * ranges 0 to 1F and 80 to 9F, or the words forms, CON, CONIN$, CONOUT$, PRN, AUX, NUL, COM1 to
 * COM9, LPT1 to LPT9, desktop.ini, _vti_; and can't start with an underscore or period, or end
 * with a period. The words are SharePoint's reserved names (each channel is a folder of the
 * team's site), which SharePoint matches as the whole name, case-insensitively, except
 * {@code _vti_}, which it refuses anywhere in a name; the sandbox does the same rather than
 * refusing every name that merely contains "con" or "forms". Lengths are counted in UTF-16 code
 * units, as .NET's {@code string.Length} counts them (Graph is a .NET service): an emoji counts
 * as two.
 *
 * <p>"General", "Files", "Posts" and the like are not on Microsoft's list. A channel cannot be
 * called like the team's General channel only because channel names are unique within a team
 * ({@link ChannelRules}).
 */
final class ChannelNames {

    static final int MAX_LENGTH = 50;

    /** The forbidden characters, in the order Microsoft lists them. */
    static final String FORBIDDEN_CHARACTERS = "~#%&*{}+/\\:<>?|'\",";

    static final Set<String> RESERVED_NAMES = Stream.concat(
                    Stream.of("forms", "CON", "CONIN$", "CONOUT$", "PRN", "AUX", "NUL", "desktop.ini"),
                    IntStream.rangeClosed(1, 9).boxed().flatMap(n -> Stream.of("COM" + n, "LPT" + n)))
            .collect(Collectors.toUnmodifiableSet());

    private static final Set<String> RESERVED_LOWER_CASE = RESERVED_NAMES.stream()
            .map(name -> name.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());

    private ChannelNames() {
    }

    /**
     * @param property how the message names the property, e.g. {@code channels[2].displayName}
     * @return why Teams would refuse {@code name}, or empty when it is a valid channel name
     */
    static Optional<String> violation(String property, String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("The property '" + property + "' is required and must not be blank.");
        }
        String refused = "The channel name '" + name + "' (" + property + ") ";
        if (name.length() > MAX_LENGTH) {
            return Optional.of(refused + "is " + name.length() + " characters long; channel names have at most "
                    + MAX_LENGTH + " characters.");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (FORBIDDEN_CHARACTERS.indexOf(c) >= 0) {
                return Optional.of(refused + "contains the character '" + c + "'. Channel names can't contain"
                        + " any of ~ # % & * { } + / \\ : < > ? | ' \" , or '..'.");
            }
            if (c <= 0x1F || (c >= 0x80 && c <= 0x9F)) {
                return Optional.of(refused + "contains the control character U+" + String.format("%04X", (int) c)
                        + "; channel names can't contain characters 0 to 1F or 80 to 9F.");
            }
        }
        if (name.contains("..")) {
            return Optional.of(refused + "contains '..', which channel names can't contain.");
        }
        if (name.startsWith("_") || name.startsWith(".")) {
            return Optional.of(refused + "starts with '" + name.charAt(0) + "'; channel names can't start with an"
                    + " underscore (_) or a period (.).");
        }
        if (name.endsWith(".")) {
            return Optional.of(refused + "ends with a period (.), which channel names can't.");
        }
        if (RESERVED_LOWER_CASE.contains(name.toLowerCase(Locale.ROOT))) {
            return Optional.of(refused + "is a reserved word. Channel names can't be forms, CON, CONIN$, CONOUT$,"
                    + " PRN, AUX, NUL, COM1 to COM9, LPT1 to LPT9 or desktop.ini.");
        }
        if (name.toLowerCase(Locale.ROOT).contains("_vti_")) {
            return Optional.of(refused + "contains '_vti_', which channel names can't contain.");
        }
        return Optional.empty();
    }
}
