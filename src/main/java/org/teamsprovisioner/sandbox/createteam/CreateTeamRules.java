package org.teamsprovisioner.sandbox.createteam;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.teamsprovisioner.sandbox.http.GraphCaller;
import org.teamsprovisioner.sandbox.http.GraphException;
import org.teamsprovisioner.sandbox.http.ODataPath;

/**
 * The Create team validation, in the order the sandbox applies it. Graph reports one problem per
 * 400, so the sandbox does too: the first failing check in this stable order wins.
 *
 * <ol>
 * <li>Reading the body ({@link CreateTeamRequest#from}): a JSON object whose properties all
 *     exist on their types, with values of the right kind ({@link TeamSchema}).</li>
 * <li>403 for a Teamwork.Migrate.All-only app outside migration mode ({@link MigrationRules}).</li>
 * <li>The rules of {@link #rules}: template, group, migration mode, the team's own properties,
 *     its channels and tabs, installed apps, then members and the owner of an app-only call.</li>
 * </ol>
 */
public final class CreateTeamRules {

    public static final String AAD_USER_MEMBER = "#microsoft.graph.aadUserConversationMember";

    /** The base templates of Graph's teamsTemplates('...'); examples 1 and 6 use two of them. */
    static final Set<String> BASE_TEMPLATES = Set.of("standard", "educationClass", "educationStaff",
            "educationProfessionalLearningCommunity", "retailStore", "retailManagerCollaboration", "healthcareWard",
            "healthcareHospital");

    static final int MAX_DESCRIPTION_LENGTH = 1024;

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

    /**
     * Template ids are matched exactly, as documented ({@code 'educationClass'}, not
     * {@code 'EducationClass'}): whether Graph forgives another spelling is not documented, and a
     * client that spells them as documented works either way.
     */
    static final CreateTeamRule KNOWN_BASE_TEMPLATE = (request, caller) -> {
        if (request.templateBind() == null) {
            return Optional.empty();
        }
        Optional<String> template = ODataPath.bindKey(request.templateBind(), "teamsTemplates");
        if (template.isPresent() && BASE_TEMPLATES.contains(template.get())) {
            return Optional.empty();
        }
        String hint = template.flatMap(id -> BASE_TEMPLATES.stream().filter(id::equalsIgnoreCase).findFirst())
                .map(known -> " Template ids are case-sensitive: did you mean '" + known + "'?")
                .orElse("");
        return Optional.of("The template '" + template.orElse(request.templateBind()) + "' is not a known base"
                + " template. Use one of " + String.join(", ", new TreeSet<>(BASE_TEMPLATES)) + "." + hint);
    };

    /** A team bound to a group takes the group's name (seed example 4), so only the others need one. */
    static final CreateTeamRule DISPLAY_NAME_REQUIRED = (request, caller) -> request.groupBind() == null
            && (request.displayName() == null || request.displayName().isBlank())
                    ? Optional.of("The property 'displayName' is required to create a team.")
                    : Optional.empty();

    static final CreateTeamRule DESCRIPTION_LENGTH = (request, caller) ->
            request.description() != null && request.description().length() > MAX_DESCRIPTION_LENGTH
                    ? Optional.of("The property 'description' must be at most " + MAX_DESCRIPTION_LENGTH
                            + " characters long; it has " + request.description().length() + ".")
                    : Optional.empty();

    static final CreateTeamRule KNOWN_VISIBILITY = (request, caller) ->
            request.visibility() == null || TeamPropertyRules.visibility(request.visibility()) != null
                    ? Optional.empty()
                    : Optional.of("The value '" + request.visibility() + "' is not valid for the property 'visibility'."
                            + " Use public or private (or hiddenMembership for class teams).");

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

    private CreateTeamRules() {
    }

    /** @param now the request's instant, for the rules that depend on time */
    static List<CreateTeamRule> rules(Instant now) {
        return List.of(
                EXACTLY_ONE_TEMPLATE, TeamPropertyRules.TEMPLATE_DEFINITION, KNOWN_BASE_TEMPLATE,
                MigrationRules.MODE_IS_MIGRATION, MigrationRules.DATE_NEEDS_MODE, MigrationRules.MODE_NEEDS_DATE,
                MigrationRules.DATE_IS_ISO_8601, MigrationRules.notInTheFuture(now), MigrationRules.STANDARD_TEMPLATE_ONLY,
                DISPLAY_NAME_REQUIRED, TeamPropertyRules.DISPLAY_NAME_LENGTH, DESCRIPTION_LENGTH, KNOWN_VISIBILITY,
                TeamPropertyRules.HIDDEN_MEMBERSHIP_FOR_CLASSES, TeamPropertyRules.KNOWN_SPECIALIZATION,
                TeamPropertyRules.GIPHY_RATING,
                ChannelRules.FIRST_CHANNEL_NAME, ChannelRules.CHANNEL_COUNT, ChannelRules.CHANNELS,
                ChannelRules.INSTALLED_APPS,
                MEMBERS_BIND_USERS, TeamPropertyRules.KNOWN_MEMBER_ROLES, APP_ONLY_NEEDS_OWNER);
    }

    /**
     * @throws GraphException 403 for a migration-only app outside migration mode, else 400
     *         BadRequest with the first broken rule's message
     */
    public static void validate(CreateTeamRequest request, GraphCaller caller, Instant now) {
        MigrationRules.requirePermission(request, caller);
        for (CreateTeamRule rule : rules(now)) {
            rule.violation(request, caller).ifPresent(message -> {
                throw GraphException.badRequest(message);
            });
        }
    }

    /** Object ids or UPNs of the members with the owner role. */
    public static List<String> owners(CreateTeamRequest request) {
        return request.members().stream()
                .filter(member -> AAD_USER_MEMBER.equals(member.odataType()))
                .filter(member -> member.roles().stream().anyMatch("owner"::equalsIgnoreCase))
                .flatMap(member -> ODataPath.bindKey(member.userBind(), "users").stream())
                .toList();
    }
}
