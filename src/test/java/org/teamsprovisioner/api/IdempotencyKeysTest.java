package org.teamsprovisioner.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/** The Idempotency-Key field as the draft defines it (an sf-string), plus bare keys; and the body fingerprint. */
class IdempotencyKeysTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final IdempotencyKeys keys = new IdempotencyKeys(JSON);

    @Test
    void quotedAndBareKeysAreTheSameKey() {
        assertThat(IdempotencyKeys.parse("\"8e03978e-40d5-43e8-bc93-6894a57f9324\""))
                .isEqualTo(IdempotencyKeys.parse("8e03978e-40d5-43e8-bc93-6894a57f9324"))
                .isEqualTo("8e03978e-40d5-43e8-bc93-6894a57f9324");
    }

    @Test
    void sfStringEscapesSpacesAndParametersAreRead() {
        assertThat(IdempotencyKeys.parse("\"a \\\"quoted\\\" key\\\\\"")).isEqualTo("a \"quoted\" key\\");
        assertThat(IdempotencyKeys.parse("  \"with-params\";ttl=60;x")).isEqualTo("with-params");
    }

    @Test
    void keyOfTheLongestAllowedLengthIsAccepted() {
        assertThat(IdempotencyKeys.parse("\"" + "k".repeat(255) + "\"")).hasSize(255);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\"\"", "\"   \"", "\"unterminated", "\"bad \\x escape\"", "\"caf\u00e9\"", "bare\"quote",
            "two,keys", "\"trailing\" junk", "\"tab\tinside\""})
    void malformedKeysAreRefused(String value) {
        assertThatThrownBy(() -> IdempotencyKeys.parse(value)).isInstanceOf(BadRequestException.class)
                .hasMessageContaining("Structured Field string");
    }

    @Test
    void keyLongerThan255CharactersIsRefused() {
        assertThatThrownBy(() -> IdempotencyKeys.parse("k".repeat(256))).isInstanceOf(BadRequestException.class);
    }

    @Test
    void fingerprintIgnoresWhitespaceMemberOrderAndExplicitNulls() {
        TeamRequestBody compact = JSON.readValue("{\"displayName\":\"Apollo\",\"owners\":[\"alice@contoso.com\"],"
                + "\"settings\":{\"funSettings\":{\"allowGiphy\":true,\"giphyContentRating\":\"strict\"}}}", TeamRequestBody.class);
        TeamRequestBody reordered = JSON.readValue("{ \"settings\": {\"funSettings\": {\"giphyContentRating\": \"strict\", "
                + "\"allowGiphy\": true}},\n  \"owners\": [ \"alice@contoso.com\" ], \"description\": null,\n"
                + "  \"displayName\": \"Apollo\" }", TeamRequestBody.class);

        assertThat(keys.fingerprint(reordered)).isEqualTo(keys.fingerprint(compact)).matches("[0-9a-f]{64}");
    }

    @Test
    void fingerprintChangesWithAnyValueAndWithArrayOrder() {
        TeamRequestBody body = JSON.readValue("{\"displayName\":\"Apollo\",\"owners\":[\"alice@contoso.com\",\"bob@contoso.com\"]}",
                TeamRequestBody.class);
        TeamRequestBody renamed = JSON.readValue("{\"displayName\":\"Apollo 2\",\"owners\":[\"alice@contoso.com\",\"bob@contoso.com\"]}",
                TeamRequestBody.class);
        TeamRequestBody swapped = JSON.readValue("{\"displayName\":\"Apollo\",\"owners\":[\"bob@contoso.com\",\"alice@contoso.com\"]}",
                TeamRequestBody.class);

        assertThat(keys.fingerprint(renamed)).isNotEqualTo(keys.fingerprint(body));
        assertThat(keys.fingerprint(swapped)).isNotEqualTo(keys.fingerprint(body));
    }
}
