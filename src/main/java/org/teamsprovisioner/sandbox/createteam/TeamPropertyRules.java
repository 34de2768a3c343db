package org.teamsprovisioner.sandbox.createteam;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

import org.teamsprovisioner.sandbox.http.ODataPath;

/**
 * Create team's rules for the team's own properties beyond the basics of {@link CreateTeamRules}:
 * template definitions, name length, the enumerations (visibility, specialization, Giphy rating)
 * and member roles. Enumeration values are matched ignoring case because the seed's own example 3
 * sends {@code "visibility": "Private"} and {@code "giphyContentRating": "Moderate"}.
 */
public final class TeamPropertyRules {

    /**
     * Every team is backed by a Microsoft 365 group, whose displayName has "Maximum length is 256
     * characters" (group resource); Graph cannot create the team's group with a longer name.
     */
    static final int MAX_DISPLAY_NAME_LENGTH = 256;

    /**
     * teamVisibilityType: private, public, hiddenMembership (lower case keys, canonical values).
     * hiddenMembership is the class team's visibility: the Education - Class team base template has
     * "Team visibility set to HiddenMembership (cannot be overridden)" (Get started with Teams
     * templates), and no other template offers it.
     */
    static final Map<String, String> VISIBILITIES = Map.of("public", "public", "private", "private",
            "hiddenmembership", "hiddenMembership");

    public static final String CLASS_TEMPLATE = "educationClass";

    /** teamSpecialization, without the unknownFutureValue sentinel. */
    static final Set<String> SPECIALIZATIONS = Set.of("none", "educationStandard", "educationClass",
            "educationProfessionalLearningCommunity", "educationStaff", "healthcareStandard",
            "healthcareCareCoordination");

    /** teamFunSettings.giphyContentRating: "Possible values are: moderate, strict." */
    static final Set<String> GIPHY_RATINGS = Set.of("moderate", "strict");

    /**
     * conversationMember.roles: "owner" for owners, "guest" for in-tenant guests; "A basic member
     * should not have any values specified in the roles property."
     */
    static final Set<String> MEMBER_ROLES = Set.of("owner", "guest");

    /** Seed example 7. */
    static final CreateTeamRule TEMPLATE_DEFINITION = (request, caller) -> request.templateDefinitionBind() == null
            ? Optional.empty()
            : TemplateDefinitions.violation(request.templateDefinitionBind());

    static final CreateTeamRule DISPLAY_NAME_LENGTH = (request, caller) ->
            request.displayName() != null && request.displayName().length() > MAX_DISPLAY_NAME_LENGTH
                    ? Optional.of("The property 'displayName' must be at most " + MAX_DISPLAY_NAME_LENGTH
                            + " characters long; it has " + request.displayName().length() + ".")
                    : Optional.empty();

    static final CreateTeamRule HIDDEN_MEMBERSHIP_FOR_CLASSES = (request, caller) ->
            "hiddenMembership".equals(visibility(request.visibility())) && !CLASS_TEMPLATE.equals(baseTemplate(request))
                    ? Optional.of("The visibility 'hiddenMembership' is only available to class teams (template"
                            + " 'educationClass'); use 'public' or 'private'.")
                    : Optional.empty();

    static final CreateTeamRule KNOWN_SPECIALIZATION = (request, caller) ->
            request.specialization() == null || canonical(request.specialization(), SPECIALIZATIONS).isPresent()
                    ? Optional.empty()
                    : Optional.of("The value '" + request.specialization() + "' is not valid for the property"
                            + " 'specialization'. Use one of " + sorted(SPECIALIZATIONS) + ".");

    static final CreateTeamRule GIPHY_RATING = (request, caller) -> Optional.ofNullable(request.settings().get("funSettings"))
            .map(fun -> fun.get("giphyContentRating"))
            .filter(rating -> !GIPHY_RATINGS.contains(rating.stringValue().toLowerCase(Locale.ROOT)))
            .map(rating -> "The value '" + rating.stringValue() + "' is not valid for the property"
                    + " 'funSettings.giphyContentRating'. Use moderate or strict.");

    static final CreateTeamRule KNOWN_MEMBER_ROLES = (request, caller) -> {
        List<CreateTeamRequest.Member> members = request.members();
        for (int i = 0; i < members.size(); i++) {
            for (String role : members.get(i).roles()) {
                if (!MEMBER_ROLES.contains(role.toLowerCase(Locale.ROOT))) {
                    return Optional.of("The role '" + role + "' of members[" + i + "] is not valid: roles may contain"
                            + " 'owner' or 'guest', and a plain member has none (\"roles\": []).");
                }
            }
        }
        return Optional.empty();
    };

    private TeamPropertyRules() {
    }

    /** The canonical visibility for a value as sent, or {@code null} for none or an unknown value. */
    public static String visibility(String sent) {
        return sent == null ? null : VISIBILITIES.get(sent.toLowerCase(Locale.ROOT));
    }

    /** The id of the base template the request binds, or {@code null} (template definition, malformed bind). */
    public static String baseTemplate(CreateTeamRequest request) {
        return ODataPath.bindKey(request.templateBind(), "teamsTemplates").orElse(null);
    }

    /** The giphy rating and the other settings as Graph answers them: enumeration values in lower case. */
    public static JsonNode normalized(String property, JsonNode value) {
        return "giphyContentRating".equals(property) && value.isString()
                ? StringNode.valueOf(value.stringValue().toLowerCase(Locale.ROOT))
                : value;
    }

    private static Optional<String> canonical(String sent, Set<String> values) {
        return values.stream().filter(value -> value.equalsIgnoreCase(sent)).findFirst();
    }

    private static String sorted(Set<String> values) {
        return values.stream().sorted().collect(Collectors.joining(", "));
    }

    public static String canonicalSpecialization(String sent) {
        return sent == null ? null : canonical(sent, SPECIALIZATIONS).orElse(sent);
    }
}
