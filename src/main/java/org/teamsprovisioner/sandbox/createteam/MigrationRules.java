package org.teamsprovisioner.sandbox.createteam;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.teamsprovisioner.sandbox.http.GraphCaller;
import org.teamsprovisioner.sandbox.http.GraphException;
import org.teamsprovisioner.sandbox.http.ODataPath;

/**
 * Create team in migration mode (seed example 9): {@code "@microsoft.graph.teamCreationMode":
 * "migration"} creates a team for imported messages whose {@code createdDateTime} is the one given.
 *
 * <p>The seed lists the two common reasons for its 400: "createdDateTime is set in the future"
 * and "createdDateTime is correctly specified but the teamCreationMode instance attribute is
 * missing or set to an invalid value"; and "Teams created in migration mode only supports the
 * standard template". The team resource documents the instance attribute as accepting one value,
 * {@code migration}. The sandbox also requires {@code createdDateTime} in migration mode (the
 * import is pointless without the source's creation time) and an offset in it, as Graph's
 * dateTimeOffset has.
 *
 * <p>Permissions: "The Teamwork.Migrate.All permission is only supported for migration" (seed,
 * Permissions). An app whose only Create team permission is Teamwork.Migrate.All may therefore
 * create migration teams only (403 otherwise); Team.Create, Group.ReadWrite.All and
 * Directory.ReadWrite.All create both kinds.
 */
public final class MigrationRules {

    static final String MIGRATION = "migration";

    static final Set<String> MIGRATION_ONLY_ROLES = Set.of("Teamwork.Migrate.All");

    /** Create team's application permissions minus the migration-only one. */
    static final Set<String> ANY_TEAM_ROLES = Set.of("Team.Create", "Group.ReadWrite.All", "Directory.ReadWrite.All");

    static final CreateTeamRule MODE_IS_MIGRATION = (request, caller) ->
            request.creationMode() == null || MIGRATION.equals(request.creationMode())
                    ? Optional.empty()
                    : Optional.of("The value '" + request.creationMode() + "' is not valid for the instance attribute"
                            + " '@microsoft.graph.teamCreationMode'; its only value is 'migration'.");

    static final CreateTeamRule DATE_NEEDS_MODE = (request, caller) ->
            request.createdDateTime() == null || request.creationMode() != null
                    ? Optional.empty()
                    : Optional.of("'createdDateTime' is only accepted when creating a team in migration mode, but the"
                            + " teamCreationMode instance attribute is missing: add"
                            + " \"@microsoft.graph.teamCreationMode\": \"migration\" or remove 'createdDateTime'.");

    static final CreateTeamRule MODE_NEEDS_DATE = (request, caller) ->
            !migration(request) || request.createdDateTime() != null
                    ? Optional.empty()
                    : Optional.of("A team in migration mode needs 'createdDateTime': when the team was created in the"
                            + " system its messages are imported from, e.g. \"2020-03-14T11:22:17.067Z\".");

    static final CreateTeamRule DATE_IS_ISO_8601 = (request, caller) ->
            !migration(request) || parse(request.createdDateTime()).isPresent()
                    ? Optional.empty()
                    : Optional.of("The value '" + request.createdDateTime() + "' of 'createdDateTime' is not an"
                            + " ISO-8601 date and time with an offset, e.g. \"2020-03-14T11:22:17.067Z\".");

    static final CreateTeamRule STANDARD_TEMPLATE_ONLY = (request, caller) -> {
        if (!migration(request)) {
            return Optional.empty();
        }
        String template = request.templateBind() == null ? null
                : ODataPath.bindKey(request.templateBind(), "teamsTemplates").orElse(request.templateBind());
        return "standard".equals(template)
                ? Optional.empty()
                : Optional.of("Teams created in migration mode only support the standard template; the request uses "
                        + (template != null ? "'" + template + "'" : "a template definition") + ".");
    };

    private MigrationRules() {
    }

    /** "createdDateTime is set in the future" is judged against the sandbox clock. */
    static CreateTeamRule notInTheFuture(Instant now) {
        return (request, caller) -> migrationCreatedDateTime(request)
                .filter(created -> created.isAfter(now))
                .map(created -> "'createdDateTime' " + request.createdDateTime() + " is in the future (it is now "
                        + now + "); a migrated team must have been created in the past.");
    }

    /**
     * @throws GraphException 403 when the caller holds Teamwork.Migrate.All but no permission to
     *         create ordinary teams, and the request is not in migration mode
     */
    static void requirePermission(CreateTeamRequest request, GraphCaller caller) {
        if (!migration(request) && !caller.hasAnyRole(ANY_TEAM_ROLES) && caller.hasAnyRole(MIGRATION_ONLY_ROLES)) {
            throw GraphException.forbidden("Insufficient privileges to complete the operation. Teamwork.Migrate.All is"
                    + " only supported for migration (\"@microsoft.graph.teamCreationMode\": \"migration\"); creating"
                    + " other teams requires one of '" + String.join(", ", new TreeSet<>(ANY_TEAM_ROLES)) + "'.");
        }
    }

    static boolean migration(CreateTeamRequest request) {
        return MIGRATION.equals(request.creationMode());
    }

    /** The team's createdDateTime when the request creates a migration team with a valid one. */
    public static Optional<Instant> migrationCreatedDateTime(CreateTeamRequest request) {
        return migration(request) ? parse(request.createdDateTime()) : Optional.empty();
    }

    private static Optional<Instant> parse(String dateTime) {
        if (dateTime == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(dateTime).toInstant());
        }
        catch (DateTimeParseException ex) {
            return Optional.empty();
        }
    }
}
