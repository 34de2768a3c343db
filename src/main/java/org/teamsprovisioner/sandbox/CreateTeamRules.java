package org.teamsprovisioner.sandbox;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Create team validation the sandbox enforces today. This is deliberately a minimal subset;
 * the later, complete rule set (name lengths, reserved names, channel limits, migration mode,
 * template-specific properties, ...) is added as further {@link CreateTeamRule}s in
 * {@link #RULES}, each citing the Graph documentation it implements.
 */
final class CreateTeamRules {

    static final String AAD_USER_MEMBER = "#microsoft.graph.aadUserConversationMember";

    /** The base templates of Graph's teamsTemplates('...'); examples 1 and 6 use two of them. */
    static final Set<String> BASE_TEMPLATES = Set.of("standard", "educationClass", "educationStaff",
            "educationProfessionalLearningCommunity", "retailStore", "retailManagerCollaboration", "healthcareWard",
            "healthcareHospital");

    static final int MAX_DESCRIPTION_LENGTH = 1024;

    static final Set<String> VISIBILITIES = Set.of("public", "private");

    /** Example 7 binds a template definition instead of a base template; a request must pick one. */
    static final CreateTeamRule EXACTLY_ONE_TEMPLATE = (request, caller) -> {
        boolean template = request.templateBind() != null;
        boolean definition = request.templateDefinitionBind() != null;
        if (template == definition) {
            return Optional.of(template
                    ? "Specify either 'template@odata.bind' or 'templateDefinition@odata.bind', not both."
                    : "A template is required: specify 'template@odata.bind' (for example"
                            + " https://graph.microsoft.com/v1.0/teamsTemplates('standard')) or 'templateDefinition@odata.bind'.");
        }
        if (definition && request.templateDefinitionBind().isBlank()) {
            return Optional.of("'templateDefinition@odata.bind' must not be empty.");
        }
        return Optional.empty();
    };

    static final CreateTeamRule KNOWN_BASE_TEMPLATE = (request, caller) -> {
        if (request.templateBind() == null) {
            return Optional.empty();
        }
        Optional<String> template = ODataPath.bindKey(request.templateBind(), "teamsTemplates");
        if (template.isPresent() && BASE_TEMPLATES.contains(template.get())) {
            return Optional.empty();
        }
        return Optional.of("The template '" + template.orElse(request.templateBind()) + "' is not a known base"
                + " template. Use one of " + String.join(", ", new TreeSet<>(BASE_TEMPLATES)) + ".");
    };

    static final CreateTeamRule DISPLAY_NAME_REQUIRED = (request, caller) ->
            request.displayName() == null || request.displayName().isBlank()
                    ? Optional.of("The property 'displayName' is required to create a team.")
                    : Optional.empty();

    static final CreateTeamRule DESCRIPTION_LENGTH = (request, caller) ->
            request.description() != null && request.description().length() > MAX_DESCRIPTION_LENGTH
                    ? Optional.of("The property 'description' must be at most " + MAX_DESCRIPTION_LENGTH
                            + " characters long; it has " + request.description().length() + ".")
                    : Optional.empty();

    static final CreateTeamRule KNOWN_VISIBILITY = (request, caller) ->
            request.visibility() == null || VISIBILITIES.contains(request.visibility().toLowerCase(Locale.ROOT))
                    ? Optional.empty()
                    : Optional.of("The value '" + request.visibility() + "' is not valid for the property 'visibility'."
                            + " Use Public or Private.");

    /** Every member must name its user, by object id or UPN, through users('...'). */
    static final CreateTeamRule MEMBERS_BIND_USERS = (request, caller) -> request.members().stream()
            .filter(member -> !AAD_USER_MEMBER.equals(member.odataType())
                    || ODataPath.bindKey(member.userBind(), "users").isEmpty())
            .findFirst()
            .map(member -> "Every member must have \"@odata.type\": \"" + AAD_USER_MEMBER + "\" and a"
                    + " 'user@odata.bind' like https://graph.microsoft.com/v1.0/users('id-or-userPrincipalName');"
                    + " got type " + member.odataType() + " and bind " + member.userBind() + ".");

    /**
     * Examples 2 and 10: "When issuing a request with application permissions, a user must be
     * specified in the members collection" - and that user must be an owner, since an app
     * cannot own a team.
     */
    static final CreateTeamRule APP_ONLY_NEEDS_OWNER = (request, caller) ->
            !caller.appOnly() || !owners(request).isEmpty()
                    ? Optional.empty()
                    : Optional.of("An owner is required when a team is created with application permissions:"
                            + " add a member of type " + AAD_USER_MEMBER + " with roles [\"owner\"] and a"
                            + " 'user@odata.bind'.");

    static final List<CreateTeamRule> RULES = List.of(EXACTLY_ONE_TEMPLATE, KNOWN_BASE_TEMPLATE,
            DISPLAY_NAME_REQUIRED, DESCRIPTION_LENGTH, KNOWN_VISIBILITY, MEMBERS_BIND_USERS, APP_ONLY_NEEDS_OWNER);

    private CreateTeamRules() {
    }

    /** @throws GraphException 400 BadRequest with the first broken rule's message */
    static void validate(CreateTeamRequest request, GraphCaller caller) {
        for (CreateTeamRule rule : RULES) {
            rule.violation(request, caller).ifPresent(message -> {
                throw GraphException.badRequest(message);
            });
        }
    }

    /** Object ids or UPNs of the members with the owner role. */
    static List<String> owners(CreateTeamRequest request) {
        return request.members().stream()
                .filter(member -> AAD_USER_MEMBER.equals(member.odataType()))
                .filter(member -> member.roles().stream().anyMatch("owner"::equalsIgnoreCase))
                .flatMap(member -> ODataPath.bindKey(member.userBind(), "users").stream())
                .toList();
    }
}
