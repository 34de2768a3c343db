package org.teamsprovisioner.security;

import java.net.URI;
import java.util.Map;

/**
 * The {@code type} of every problem document (RFC 9457 §3.1.1): a reference to the section of the
 * problems page, served by the service itself at {@code /problems} from docs/problems.md. Relative,
 * so it resolves against whichever host a portal called; a portal may also treat it as an opaque id.
 */
public final class ProblemTypes {

    public static final String PAGE = "/problems";

    private static final Map<Integer, String> SECTIONS = Map.ofEntries(
            Map.entry(400, "bad-request"), Map.entry(401, "unauthorized"), Map.entry(403, "forbidden"),
            Map.entry(404, "not-found"), Map.entry(405, "method-not-allowed"), Map.entry(406, "not-acceptable"),
            Map.entry(409, "conflict"), Map.entry(413, "content-too-large"), Map.entry(415, "unsupported-media-type"),
            Map.entry(422, "unprocessable-content"), Map.entry(429, "too-many-requests"), Map.entry(500, "internal-error"),
            Map.entry(503, "service-unavailable"));

    private ProblemTypes() {
    }

    /** The type of a problem with this status; {@code about:blank} (RFC 9457's default) for one the page does not describe. */
    public static URI of(int status) {
        String section = SECTIONS.get(status);
        return URI.create(section == null ? "about:blank" : PAGE + "#" + section);
    }

    static Map<Integer, String> sections() {
        return SECTIONS;
    }
}
