package org.teamsprovisioner.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/** The loops must say what Spring Security's own header rules say, on every kind of character. */
class HeaderCharactersTest {

    private static Stream<String> samples() {
        List<String> samples = new ArrayList<>(List.of("", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2ln",
                "application/json", "a\tb", "\t", "x\r\ny", "nul\0", "del\u007f", "c1\u0085", "nbsp\u00a0", "é", "Grüße",
                "\u2028", "\u2029", "emoji \uD83D\uDE00", "lone high \uD800", "lone low \uDC00", "unassigned \u0378",
                "private use \uE000", "bom \uFEFF", "noncharacter \uFFFF", "unassigned plane \uD83F\uDFFF"));
        // Every seventh code point below U+3000 alone: ASCII, C0 and C1 controls, Latin, unassigned gaps, separators.
        for (int cp = 0; cp < 0x3000; cp += 7) {
            samples.add(new String(Character.toChars(cp)));
        }
        Random random = new Random(42);
        for (int n = 0; n < 2_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) {
                text.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(0x110000) : 0x20 + random.nextInt(0x60));
            }
            samples.add(text.toString());
        }
        return samples.stream();
    }

    @Test
    void headerNamesAndValuesAreJudgedAsSpringSecurityJudgesThem() {
        List<String> disagreements = samples()
                .filter(text -> HeaderCharacters.NAMES.test(text) != StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(text)
                        || HeaderCharacters.VALUES.test(text) != StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(text))
                .map(text -> text.codePoints().mapToObj(Integer::toHexString).toList().toString())
                .toList();
        assertThat(samples().count()).isGreaterThan(3_000);
        assertThat(disagreements).isEmpty();
    }

    @Test
    void controlCharactersAreRefusedAndATabOnlyInValues() {
        assertThat(HeaderCharacters.VALUES.test("a\tb")).isTrue();
        assertThat(HeaderCharacters.NAMES.test("a\tb")).isFalse();
        assertThat(HeaderCharacters.VALUES.test("x\r\ny")).isFalse();
        assertThat(HeaderCharacters.VALUES.test("unassigned \u0378")).isFalse();
        assertThat(HeaderCharacters.VALUES.test(null)).isTrue();
    }
}
