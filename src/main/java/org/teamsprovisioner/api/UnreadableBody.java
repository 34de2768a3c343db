package org.teamsprovisioner.api;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.teamsprovisioner.request.Violation;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Why a request body could not be read, in words for a portal developer: the JSON Pointer of the
 * value and what it should have been, never the Java types Jackson names in its messages.
 *
 * @param violation the one bad value, when there is one to point at
 */
record UnreadableBody(String detail, Optional<Violation> violation) {

    /**
     * What each value of a team request must be, by JSON Pointer with array indexes written
     * {@code N}. Values not listed are described by their Java type's JSON kind.
     */
    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("", "one JSON object: a team request such as {\"displayName\": \"Project Apollo\", \"owners\": "
                    + "[\"alice@contoso.com\"]}"),
            Map.entry("/owners", "an array of user principal names or object ids, e.g. [\"alice@contoso.com\"]"),
            Map.entry("/members", "an array of user principal names or object ids, e.g. [\"bob@contoso.com\"]"),
            Map.entry("/owners/N", "a string: a user principal name or an object id"),
            Map.entry("/members/N", "a string: a user principal name or an object id"),
            Map.entry("/channels", "an array of channels, e.g. [{\"displayName\": \"Announcements\"}]"),
            Map.entry("/channels/N", "a channel, e.g. {\"displayName\": \"Announcements\", \"favoriteByDefault\": true}"),
            Map.entry("/channels/N/favoriteByDefault", "true or false"),
            Map.entry("/settings", "an object of team settings by group, e.g. {\"funSettings\": {\"allowGiphy\": false}}"),
            Map.entry("/settings/*", "an object of settings, e.g. {\"allowGiphy\": false}"));
    private static final Pattern INDEX = Pattern.compile("/\\d+(?=/|$)");

    static UnreadableBody of(Throwable cause, String reason) {
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String pointer = pointer(unknown);
            String detail = "Unknown field '" + unknown.getPropertyName() + "' at " + pointer + "; the fields here are "
                    + known(unknown.getKnownPropertyIds()) + ".";
            return new UnreadableBody(detail, Optional.of(new Violation("field.unknown", pointer, detail)));
        }
        if (cause instanceof DatabindException databind && databind.getPath().isEmpty()
                && String.valueOf(databind.getOriginalMessage()).startsWith("Trailing token")) {
            // Jackson (3.1) reads an array nested where a string belongs, e.g. "owners": [["a"]], as the end
            // of the body and then finds more: there is no path to point at, only the shape to describe.
            return new UnreadableBody("The body is not one team request: a value has a JSON type the API does not take "
                    + "there (e.g. an array inside owners or members, where strings belong), or more than one JSON value "
                    + "was sent.", Optional.empty());
        }
        if (cause instanceof DatabindException databind) {
            String pointer = pointer(databind);
            String message = "must be " + expected(pointer, databind);
            String detail = pointer.isEmpty() ? "The body " + message + "." : pointer + " " + message + ".";
            return new UnreadableBody(detail, pointer.isEmpty() ? Optional.empty()
                    : Optional.of(new Violation("field.type", pointer, message)));
        }
        if (cause instanceof JacksonException json) {
            // A syntax error: Jackson's own words name the token and position, not Java types.
            return new UnreadableBody("The body is not valid JSON: " + json.getOriginalMessage(), Optional.empty());
        }
        return new UnreadableBody(reason == null ? "The request cannot be read." : reason, Optional.empty());
    }

    private static String expected(String pointer, DatabindException error) {
        String generic = INDEX.matcher(pointer).replaceAll("/N");
        String known = EXPECTED.get(generic);
        if (known == null && generic.startsWith("/settings/") && generic.indexOf('/', "/settings/".length()) < 0) {
            known = EXPECTED.get("/settings/*");
        }
        if (known != null) {
            return known;
        }
        Class<?> type = error instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        return kind(type);
    }

    /** The JSON kind a Java type is read from. */
    private static String kind(Class<?> type) {
        if (type == null) {
            return "a value of the type the API documents";
        }
        if (CharSequence.class.isAssignableFrom(type) || type.isEnum()) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static String known(Collection<Object> names) {
        return names == null || names.isEmpty() ? "documented in the API" : String.join(", ",
                new TreeSet<>(names.stream().map(String::valueOf).toList()));
    }

    /** Jackson's reference path as a JSON Pointer, e.g. {@code /channels/0/displayName}; empty for the whole body. */
    private static String pointer(DatabindException error) {
        StringBuilder pointer = new StringBuilder();
        for (var reference : error.getPath()) {
            pointer.append('/').append(reference.getPropertyName() != null
                    ? reference.getPropertyName().replace("~", "~0").replace("/", "~1")
                    : String.valueOf(reference.getIndex()));
        }
        return pointer.toString();
    }

    List<Violation> violations() {
        return violation.stream().toList();
    }
}
