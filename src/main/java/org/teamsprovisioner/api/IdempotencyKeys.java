package org.teamsprovisioner.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.teamsprovisioner.provisioning.IdempotencyKey;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the {@code Idempotency-Key} header (draft-ietf-httpapi-idempotency-key-header) and
 * fingerprints the request it came with.
 *
 * <p>The draft makes the field a Structured Field Item whose value is an sf-string, i.e. quoted
 * ({@code Idempotency-Key: "8e03978e-40d5-43e8-bc93-6894a57f9324"}). Many clients send the key
 * bare, so a bare key of visible ASCII characters is read as the same key. Parameters after a
 * quoted key are allowed and ignored, as RFC 8941 asks of fields that define none.
 *
 * <p>The fingerprint is the SHA-256 of the body as parsed, re-serialised with object members
 * sorted by name: whitespace, member order and an explicit {@code null} versus an absent member do
 * not change it; any value, including array order, does.
 */
@Component
class IdempotencyKeys {

    static final String HEADER = "Idempotency-Key";

    private static final String MALFORMED = "must be a Structured Field string of 1 to " + IdempotencyKey.MAX_LENGTH
            + " printable ASCII characters, e.g. \"8e03978e-40d5-43e8-bc93-6894a57f9324\" (quotes included)";
    // Bare keys cannot hold what would make them ambiguous with sf syntax: quotes, escapes, list and parameter separators.
    private static final Pattern BARE = Pattern.compile("[\\x21-\\x7E&&[^\"\\\\,;]]+");
    private static final Pattern PARAMETERS =
            Pattern.compile("(\\s*;\\s*[a-z*][a-z0-9_.*-]*(=(\"([\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E]|\\\\[\"\\\\])*\"|[^;\\s\"]+))?)*");

    private final JsonMapper canonical;

    IdempotencyKeys(JsonMapper json) {
        this.canonical = json.rebuild()
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .build();
    }

    /** The caller's key for this body; empty when the header is absent (it is optional). */
    Optional<IdempotencyKey> from(HttpHeaders headers, String caller, TeamRequestBody body) {
        List<String> values = headers.get(HEADER);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw new BadRequestException("/" + HEADER, "must be sent once; " + MALFORMED);
        }
        return Optional.of(new IdempotencyKey(caller, parse(values.get(0)), fingerprint(body)));
    }

    /** The key an {@code Idempotency-Key} field value carries; {@link BadRequestException} when it carries none. */
    static String parse(String value) {
        String field = value.strip();
        String key = field.startsWith("\"") ? sfString(field) : BARE.matcher(field).matches() ? field : null;
        if (key == null || !IdempotencyKey.isValidKey(key)) {
            throw new BadRequestException("/" + HEADER, MALFORMED);
        }
        return key;
    }

    /** RFC 8941 3.3.3: an sf-string, then optional parameters; null when malformed. */
    private static String sfString(String field) {
        StringBuilder key = new StringBuilder();
        for (int i = 1; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\') {
                if (i + 1 == field.length() || (field.charAt(i + 1) != '"' && field.charAt(i + 1) != '\\')) {
                    return null;
                }
                key.append(field.charAt(++i));
            } else if (c == '"') {
                return PARAMETERS.matcher(field.substring(i + 1)).matches() ? key.toString() : null;
            } else if (c < 0x20 || c > 0x7E) {
                return null;
            } else {
                key.append(c);
            }
        }
        return null;
    }

    String fingerprint(TeamRequestBody body) {
        try {
            byte[] json = canonical.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("Every Java runtime has SHA-256", missing);
        }
    }
}
