package org.teamsprovisioner.sandbox.createteam;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.teamsprovisioner.sandbox.http.ODataPath;

/**
 * {@code templateDefinition@odata.bind} (seed example 7): a localized template definition from
 * List definitions, {@code .../teamwork/teamTemplates/{templateId}/definitions/{definitionId}}.
 * The example's definition id is the Base64 of
 * {@code com.microsoft.teams.template.ManageAProject##Public##ar-SA}, that is
 * {@code {templateId}##{audience}##{locale}}, so the sandbox accepts a bind of that shape whose
 * decoded template id is the one in the path.
 */
public final class TemplateDefinitions {

    /**
     * A well-formed definition reference.
     *
     * @param templateId e.g. {@code com.microsoft.teams.template.ManageAProject}
     * @param audience e.g. {@code Public}
     * @param locale e.g. {@code ar-SA}
     */
    public record Definition(String templateId, String audience, String locale) {

        /** The decoded definition id, as {@code _state} shows it. */
        public String id() {
            return templateId + "##" + audience + "##" + locale;
        }
    }

    static final String SHAPE = "https://graph.microsoft.com/beta/teamwork/teamTemplates/{templateId}/definitions/"
            + "{definitionId}, where definitionId is the Base64 of '{templateId}##{audience}##{locale}'";

    private TemplateDefinitions() {
    }

    public static Optional<Definition> parse(String bind) {
        List<ODataPath.Segment> segments = ODataPath.bindPath(bind).orElse(List.of());
        if (segments.size() < 2 || segments.get(0).key() != null || !segments.get(0).name().equalsIgnoreCase("teamwork")) {
            return Optional.empty();
        }
        List<ODataPath.Step> steps = ODataPath.steps(segments.subList(1, segments.size()));
        if (steps.size() != 2 || !steps.get(0).is("teamTemplates") || !steps.get(1).is("definitions")
                || steps.get(0).key() == null || steps.get(1).key() == null) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(steps.get(1).key()), StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
        String[] parts = decoded.split("##", -1);
        if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()
                || !parts[0].equals(steps.get(0).key())) {
            return Optional.empty();
        }
        return Optional.of(new Definition(parts[0], parts[1], parts[2]));
    }

    static Optional<String> violation(String bind) {
        return parse(bind).isPresent()
                ? Optional.empty()
                : Optional.of("The value '" + bind + "' of 'templateDefinition@odata.bind' does not reference a"
                        + " template definition; expected " + SHAPE + ".");
    }
}
