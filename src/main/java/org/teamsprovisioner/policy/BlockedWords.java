package org.teamsprovisioner.policy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Entra-style blocked words: whole words (or phrases of whole words), any case. A name is split
 * into words once and every run of up to the longest phrase's length is looked up in a hash set, so
 * checking costs the same with 5 or 5,000 blocked words. "ass" blocks "Ass Team" but not "Class".
 */
final class BlockedWords {

    private final Set<String> phrases = new HashSet<>();
    private final int longestPhrase;

    BlockedWords(List<String> words) {
        int longest = 0;
        for (String word : words) {
            List<String> tokens = tokens(word);
            if (!tokens.isEmpty()) {
                phrases.add(String.join(" ", tokens));
                longest = Math.max(longest, tokens.size());
            }
        }
        this.longestPhrase = longest;
    }

    int size() {
        return phrases.size();
    }

    /** The blocked words and phrases in {@code name}, in the order they first appear. */
    List<String> foundIn(String name) {
        if (phrases.isEmpty() || name == null) {
            return List.of();
        }
        List<String> tokens = tokens(name);
        Set<String> found = new LinkedHashSet<>();
        for (int start = 0; start < tokens.size(); start++) {
            StringBuilder phrase = new StringBuilder();
            for (int length = 1; length <= longestPhrase && start + length <= tokens.size(); length++) {
                if (length > 1) {
                    phrase.append(' ');
                }
                phrase.append(tokens.get(start + length - 1));
                if (phrases.contains(phrase.toString())) {
                    found.add(phrase.toString());
                }
            }
        }
        return List.copyOf(found);
    }

    /**
     * Words as Unicode letters and digits, compatibility-normalised (so a full-width or ligature
     * spelling does not slip past) and lower-cased without locale surprises.
     */
    static List<String> tokens(String text) {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<String> tokens = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < normalized.length(); ) {
            int codePoint = normalized.codePointAt(i);
            boolean wordChar = Character.isLetterOrDigit(codePoint) || Character.getType(codePoint) == Character.NON_SPACING_MARK;
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                tokens.add(normalized.substring(start, i));
                start = -1;
            }
            i += Character.charCount(codePoint);
        }
        if (start >= 0) {
            tokens.add(normalized.substring(start));
        }
        return tokens;
    }
}
