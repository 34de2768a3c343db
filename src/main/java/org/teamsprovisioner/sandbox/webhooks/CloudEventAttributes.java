package org.teamsprovisioner.sandbox.webhooks;

import java.nio.charset.StandardCharsets;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.teamsprovisioner.sandbox.http.SandboxJson;

/**
 * The context attributes of a CloudEvents 1.0 event in structured JSON mode (the JSON event format,
 * github.com/cloudevents/spec, json-format.md), as a delivery's record shows them. Only what a
 * receiver relies on is checked: a JSON object with {@code specversion} "1.0" and non-empty string
 * {@code id}, {@code source} and {@code type}.
 */
record CloudEventAttributes(String id, String source, String type, String subject, String time,
        String dataContentType) {

    private static final List<String> REQUIRED = List.of("id", "source", "type");

    /** The event, or why the body is not one. */
    record Reading(CloudEventAttributes event, String problem) {
    }

    static Reading read(byte[] body) {
        JsonNode json;
        try {
            json = SandboxJson.read(new String(body, StandardCharsets.UTF_8));
        }
        catch (JacksonException ex) {
            return new Reading(null, "The body is not JSON: " + ex.getOriginalMessage());
        }
        if (json == null || !json.isObject()) {
            return new Reading(null, "The body is not a JSON object, so not a CloudEvent in structured mode.");
        }
        JsonNode version = json.get("specversion");
        if (version == null || !version.isString() || !"1.0".equals(version.stringValue())) {
            return new Reading(null, "The body's 'specversion' is " + version + ", not \"1.0\".");
        }
        for (String attribute : REQUIRED) {
            JsonNode value = json.get(attribute);
            if (value == null || !value.isString() || value.stringValue().isEmpty()) {
                return new Reading(null, "The CloudEvent has no '" + attribute + "' (a non-empty string).");
            }
        }
        return new Reading(new CloudEventAttributes(text(json, "id"), text(json, "source"), text(json, "type"),
                text(json, "subject"), text(json, "time"), text(json, "datacontenttype")), null);
    }

    void write(ObjectNode json) {
        json.put("id", id).put("source", source).put("type", type).put("subject", subject).put("time", time)
                .put("datacontenttype", dataContentType);
    }

    private static String text(JsonNode json, String attribute) {
        JsonNode value = json.get(attribute);
        return value == null || value.isNull() ? null : value.isString() ? value.stringValue() : value.toString();
    }
}
