package org.teamsprovisioner.sandbox.http;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulator's own JSON mapper. The sandbox imitates an external service, so its wire format
 * must not change when the application's Jackson settings do (for example
 * {@code fail-on-unknown-properties} or a non-null inclusion that would drop Graph's explicit
 * {@code "error": null}). Bodies are therefore read and written as strings with this mapper,
 * never through the application's codecs.
 */
public final class SandboxJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private SandboxJson() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** @throws tools.jackson.core.JacksonException if {@code json} is not well-formed */
    public static JsonNode read(String json) {
        return MAPPER.readTree(json);
    }

    public static String write(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    /** Graph and Entra timestamps: UTC, ISO-8601, whole seconds, trailing {@code Z}. */
    public static String seconds(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
