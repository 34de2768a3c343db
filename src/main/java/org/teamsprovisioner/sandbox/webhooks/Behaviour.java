package org.teamsprovisioner.sandbox.webhooks;

import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.convert.DurationStyle;
import org.teamsprovisioner.sandbox.http.SandboxJson;

/**
 * How a receiver answers its next {@code times} well-formed deliveries ({@code PUT
 * /sandbox/webhooks/{name}/_behaviour}): {@code status}, after {@code delay}, with {@code
 * Retry-After} when given. A sender's retries, its backoff, its honouring of {@code Retry-After},
 * its timeout and its unsubscribing on 410 can all be exercised this way.
 */
record Behaviour(int status, int times, Duration delay, String retryAfter) {

    static final Duration MAX_DELAY = Duration.ofMinutes(2);
    static final int MAX_TIMES = 1000;

    private static final Set<String> FIELDS = Set.of("status", "times", "delay", "retryAfter");

    /** Retry-After is sent as given: delay-seconds or an HTTP-date, printable ASCII only. */
    private static final Pattern HEADER_VALUE = Pattern.compile("[\\x20-\\x7E]{1,64}");

    /** @throws WebhookProblem 400 for a body that is not such a behaviour */
    static Behaviour parse(String body) {
        JsonNode json;
        try {
            json = SandboxJson.read(body);
        }
        catch (JacksonException ex) {
            throw WebhookProblem.badRequest("The behaviour is not JSON: " + ex.getOriginalMessage());
        }
        if (json == null || !json.isObject()) {
            throw WebhookProblem.badRequest("The behaviour must be a JSON object such as"
                    + " {\"status\":503,\"times\":2,\"delay\":\"PT3S\",\"retryAfter\":\"5\"}.");
        }
        for (String name : json.propertyNames()) {
            if (!FIELDS.contains(name)) {
                // A typo such as "time" must not silently mean "once".
                throw WebhookProblem.badRequest("Unknown field '" + name + "'; a behaviour has " + FIELDS + ".");
            }
        }
        int status = integer(json, "status", 204, 200, 599);
        int times = integer(json, "times", 1, 0, MAX_TIMES);
        Duration delay = delay(json.get("delay"));
        String retryAfter = retryAfter(json.get("retryAfter"));
        return new Behaviour(status, times, delay, retryAfter);
    }

    void write(ObjectNode json) {
        json.put("status", status).put("remaining", times).put("delay", delay.toString()).put("retryAfter", retryAfter);
    }

    private static int integer(JsonNode json, String field, int absent, int min, int max) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
            throw WebhookProblem.badRequest("'" + field + "' must be a whole number from " + min + " to " + max
                    + ", not " + value + ".");
        }
        return value.intValue();
    }

    private static Duration delay(JsonNode value) {
        if (value == null || value.isNull()) {
            return Duration.ZERO;
        }
        Duration delay;
        try {
            delay = value.isString() ? DurationStyle.detectAndParse(value.stringValue()) : null;
        }
        catch (IllegalArgumentException ex) {
            delay = null;
        }
        if (delay == null || delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
            throw WebhookProblem.badRequest("'delay' must be a duration from 0 to " + MAX_DELAY
                    + ", ISO-8601 (\"PT3S\") or simple (\"3s\", \"500ms\"), not " + value + ".");
        }
        return delay;
    }

    private static String retryAfter(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.isNumber() && value.canConvertToLong() ? Long.toString(value.longValue())
                : value.isString() ? value.stringValue() : null;
        if (text == null || !HEADER_VALUE.matcher(text).matches()) {
            throw WebhookProblem.badRequest("'retryAfter' must be a Retry-After value (seconds, such as \"5\", or an"
                    + " HTTP-date) of printable ASCII, not " + value + ".");
        }
        return text;
    }
}
