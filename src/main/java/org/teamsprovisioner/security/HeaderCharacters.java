package org.teamsprovisioner.security;

import java.util.function.Predicate;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/**
 * Spring Security's firewall rules for header names and values, checked by a loop over the code points
 * instead of its regular expressions. The firewall checks a header each time it is read, not once per
 * request, and a status read reads some more than once (the 1-2 KB bearer token among them); matching
 * {@code [\p{IsAssigned}&&[^\p{IsControl}]]*} each time was about 4 % of that read's CPU samples (JFR,
 * 2026-12-06), none after. The rules are the same: every code point assigned and not a control character,
 * a tab allowed in values; {@code HeaderCharactersTest} holds them to Spring's own predicates.
 */
final class HeaderCharacters {

    /** Assigned and not ISO control: {@link StrictServerWebExchangeFirewall#ALLOWED_HEADER_NAMES}. */
    static final Predicate<String> NAMES = name -> allowed(name, false);

    /** As names, with horizontal tab too: {@link StrictServerWebExchangeFirewall#ALLOWED_HEADER_VALUES}. */
    static final Predicate<String> VALUES = value -> allowed(value, true);

    private HeaderCharacters() {
    }

    private static boolean allowed(String text, boolean tab) {
        if (text == null) {
            return true;
        }
        int length = text.length();
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                // Printable ASCII, nearly every character of a real header: assigned and not control.
                i++;
                continue;
            }
            int codePoint = text.codePointAt(i);
            // \p{IsControl} is the Cc category, which is exactly Character.isISOControl; \p{IsAssigned} is isDefined.
            if (!Character.isDefined(codePoint) || (Character.isISOControl(codePoint) && !(tab && codePoint == '\t'))) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
