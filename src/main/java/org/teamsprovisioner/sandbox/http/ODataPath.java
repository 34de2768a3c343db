package org.teamsprovisioner.sandbox.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.web.util.UriUtils;

/**
 * A small parser for the OData resource paths Graph uses, because Spring's PathPattern does not
 * understand key segments such as {@code teams('a')/operations('b')}.
 *
 * <p>Graph addresses an entity either with an OData key, {@code teams('id')}, or as a path
 * segment, {@code teams/id}; both appear in practice (the Create team response itself uses the
 * key form in {@code Location}). Keys are single-quoted string literals in which a quote is
 * written twice ({@code users('o''brien@contoso.com')}). Input is the already percent-decoded
 * path, so {@code %28 %29 %27} have become {@code ( ) '}.
 */
public final class ODataPath {

    /**
     * One segment as written.
     *
     * @param name the name before the parenthesis (or the whole segment)
     * @param key the unquoted key, or {@code null} when the segment has no parenthesis
     * @param text the whole segment, used when it is itself a key ({@code teams/id})
     */
    public record Segment(String name, String key, String text) {
    }

    /**
     * An entity set or navigation property and, when addressed, the key of one entity.
     *
     * @param name e.g. {@code teams}
     * @param key the entity key, or {@code null} for the collection itself
     */
    public record Step(String name, String key) {

        public boolean is(String expected) {
            return name.equalsIgnoreCase(expected); // Graph matches segment names case-insensitively.
        }
    }

    private static final Pattern ABSOLUTE_URL_PREFIX = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://[^/]*");

    private ODataPath() {
    }

    /**
     * Splits a decoded path into segments; slashes inside a quoted key do not split.
     *
     * @throws IllegalArgumentException with a client-presentable message if the path is malformed
     */
    static List<Segment> parse(String decodedPath) {
        List<Segment> segments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < decodedPath.length(); i++) {
            char c = decodedPath.charAt(i);
            if (c == '\'') {
                quoted = !quoted; // A doubled quote toggles twice, which leaves the state unchanged.
            }
            if (c == '/' && !quoted) {
                addSegment(segments, current.toString());
                current.setLength(0);
            }
            else {
                current.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("Unterminated string literal in the path '" + decodedPath + "'.");
        }
        addSegment(segments, current.toString());
        return segments;
    }

    private static void addSegment(List<Segment> segments, String text) {
        if (text.isEmpty()) {
            return; // Leading, trailing and doubled slashes carry no meaning.
        }
        int open = text.indexOf('(');
        if (open < 0) {
            if (text.indexOf(')') >= 0 || text.indexOf('\'') >= 0) {
                throw new IllegalArgumentException("Bad Request - Error in query syntax: '" + text + "'.");
            }
            segments.add(new Segment(text, null, text));
            return;
        }
        if (open == 0 || !text.endsWith(")")) {
            throw new IllegalArgumentException("Bad Request - Error in query syntax: '" + text + "'.");
        }
        segments.add(new Segment(text.substring(0, open), unquote(text.substring(open + 1, text.length() - 1)), text));
    }

    /** OData string literal: {@code 'a''b'} is {@code a'b}. Unquoted keys are rejected, as Graph does for strings. */
    private static String unquote(String literal) {
        if (literal.length() < 2 || literal.charAt(0) != '\'' || literal.charAt(literal.length() - 1) != '\'') {
            throw new IllegalArgumentException(
                    "Bad Request - Error in query syntax: the key " + literal + " must be a quoted string like ('id').");
        }
        String body = literal.substring(1, literal.length() - 1);
        StringBuilder key = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\'') {
                if (i + 1 >= body.length() || body.charAt(i + 1) != '\'') {
                    throw new IllegalArgumentException(
                            "Bad Request - Error in query syntax: a quote inside a key must be doubled: (" + literal + ").");
                }
                i++;
            }
            key.append(c);
        }
        return key.toString();
    }

    /**
     * Normalizes both addressing forms to steps: {@code teams('x')/operations/y} and
     * {@code teams/x/operations('y')} both become {@code [teams x, operations y]}. A segment
     * without a key takes the next key-less segment as its key, which is how Graph reads
     * {@code teams/x}.
     */
    public static List<Step> steps(List<Segment> segments) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            if (segment.key() != null) {
                steps.add(new Step(segment.name(), segment.key()));
            }
            else if (i + 1 < segments.size() && segments.get(i + 1).key() == null) {
                steps.add(new Step(segment.name(), segments.get(++i).text()));
            }
            else {
                steps.add(new Step(segment.name(), null));
            }
        }
        return steps;
    }

    /**
     * The key an {@code @odata.bind} URL points at, e.g. {@code 0040b377-...} for
     * {@code https://graph.microsoft.com/beta/users('0040b377-...')}. Any host is accepted (the
     * doc's own examples mix v1.0 and beta hosts), as are relative URLs and the
     * {@code users/id} form. Empty when the URL does not address one entity of
     * {@code collection}.
     */
    public static Optional<String> bindKey(String url, String collection) {
        List<Step> steps = bindPath(url).map(ODataPath::steps).orElse(List.of());
        if (steps.isEmpty()) {
            return Optional.empty();
        }
        Step last = steps.get(steps.size() - 1);
        return last.is(collection) && last.key() != null && !last.key().isEmpty()
                ? Optional.of(last.key()) : Optional.empty();
    }

    /**
     * The segments of an {@code @odata.bind} URL after its host and version, for binds whose
     * shape is more than one keyed collection (e.g. {@code appCatalogs/teamsApps('id')} or
     * {@code teamwork/teamTemplates/{id}/definitions/{id}}). Empty when the URL is malformed.
     */
    public static Optional<List<Segment>> bindPath(String url) {
        if (url == null) {
            return Optional.empty();
        }
        String path = ABSOLUTE_URL_PREFIX.matcher(url.strip()).replaceFirst("");
        int end = indexOfAny(path, '?', '#');
        if (end >= 0) {
            path = path.substring(0, end);
        }
        List<Segment> segments;
        try {
            segments = parse(UriUtils.decode(path, StandardCharsets.UTF_8));
        }
        catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
        // Graph's binds start at its version segment; binds to the simulator's own base URL
        // (/sandbox/graph/{version}) address the same resources, so everything up to the version goes.
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            if (segment.key() == null && (segment.name().equals("v1.0") || segment.name().equals("beta"))) {
                return Optional.of(segments.subList(i + 1, segments.size()));
            }
        }
        return Optional.of(segments);
    }

    private static int indexOfAny(String text, char first, char second) {
        int a = text.indexOf(first);
        int b = text.indexOf(second);
        return a < 0 ? b : (b < 0 ? a : Math.min(a, b));
    }
}
