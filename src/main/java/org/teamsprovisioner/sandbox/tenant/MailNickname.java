package org.teamsprovisioner.sandbox.tenant;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * A group's {@code mailNickname}, per Graph's group resource: "Maximum length is 64 characters.
 * This property can contain only characters in the ASCII character set 0 - 127 except the
 * following characters: {@code @ () \ [] " ; : <> , SPACE}." The sandbox also refuses the ASCII
 * control characters, which no mail alias can carry.
 */
public final class MailNickname {

    static final int MAX_LENGTH = 64;

    /** The characters Graph's doc lists as not allowed, SPACE included. */
    static final String FORBIDDEN = "@()\\[]\";:<>, ";

    private MailNickname() {
    }

    /** Why {@code nickname} is not a valid mailNickname, or empty when it is. */
    public static Optional<String> violation(String nickname) {
        if (nickname.isEmpty()) {
            return Optional.of("It must not be empty.");
        }
        if (nickname.length() > MAX_LENGTH) {
            return Optional.of("It must be at most " + MAX_LENGTH + " characters long; it has " + nickname.length() + ".");
        }
        for (int i = 0; i < nickname.length(); i++) {
            char c = nickname.charAt(i);
            if (!allowed(c)) {
                return Optional.of("It contains '" + (c == ' ' ? "SPACE" : String.valueOf(c)) + "' at position " + i
                        + "; only ASCII characters are allowed, except " + "@ () \\ [] \" ; : <> , SPACE.");
            }
        }
        return Optional.empty();
    }

    static boolean allowed(char c) {
        return c > 31 && c < 127 && FORBIDDEN.indexOf(c) < 0;
    }

    /**
     * The nickname Teams gives the group behind a team created with POST /teams: the display
     * name's ASCII letters and digits, or {@code msteams_} and a short id when it has none,
     * made unique with a number as Teams does.
     */
    static String derive(String displayName, String teamId, Predicate<String> taken) {
        StringBuilder base = new StringBuilder();
        for (char c : displayName.toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                base.append(c);
            }
        }
        String stem = base.isEmpty() ? "msteams_" + teamId.replace("-", "").substring(0, 6) : base.toString();
        stem = stem.substring(0, Math.min(stem.length(), MAX_LENGTH - 4));
        String candidate = stem;
        for (int n = 2; taken.test(candidate); n++) {
            candidate = stem + n;
        }
        return candidate;
    }
}
