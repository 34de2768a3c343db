package org.teamsprovisioner.sandbox;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the in-process Graph simulator that the {@code sandbox} profile runs.
 *
 * @param databaseName Name of the in-memory H2 database of the sandbox profile. Read by
 *        application-sandbox.yml to build the JDBC and R2DBC URLs, not by the simulator.
 * @param tenantId Tenant id of the fake Entra ID tenant: the only tenant the sandbox token
 *        endpoint knows, and the 'tid' claim of every token the sandbox issues.
 * @param clients App registrations that may obtain Graph tokens with the client-credentials
 *        grant. Defaults to one client 'sandbox-client' with secret 'sandbox-secret' and the app
 *        roles Team.Create, Group.ReadWrite.All and User.Read.All.
 * @param tokenLifetime Lifetime of every token the sandbox issues, user tokens and Graph tokens.
 * @param userTokens Claims of the user access tokens that POST /sandbox/token issues for the
 *        service's own API.
 * @param operations Timing and outcome of the asynchronous createTeam operations.
 * @param directory The users of the fake tenant that GET /users and every user@odata.bind
 *        resolve against.
 * @param groups Behaviour of the fake tenant's groups (POST /groups and team creation from a
 *        group).
 */
@Validated
@ConfigurationProperties("provisioner.sandbox")
public record SandboxProperties(
        @DefaultValue("teams-provisioner") @NotBlank String databaseName,
        @DefaultValue("sandbox-tenant") @NotBlank String tenantId,
        @NotEmpty List<@Valid @NotNull Client> clients,
        @DefaultValue("1h") @NotNull @DurationMin(seconds = 1) Duration tokenLifetime,
        @DefaultValue @NotNull @Valid UserTokens userTokens,
        @DefaultValue @NotNull @Valid Operations operations,
        @DefaultValue @NotNull @Valid Directory directory,
        @DefaultValue @NotNull @Valid Groups groups) {

    public SandboxProperties {
        // @DefaultValue cannot express a list of objects; an explicitly empty list stays empty
        // so that @NotEmpty reports it instead of silently re-adding the default client.
        clients = clients == null ? List.of(Client.DEFAULT) : List.copyOf(clients);
    }

    /**
     * One app registration of the fake tenant.
     *
     * @param clientId Application (client) id, sent as 'client_id'.
     * @param clientSecret Client secret, sent as 'client_secret' or with HTTP Basic.
     * @param roles App roles (application permissions) granted to the app. They become the
     *        'roles' claim of its Graph tokens.
     */
    public record Client(@NotBlank String clientId, @NotBlank String clientSecret, List<@NotBlank String> roles) {

        static final Client DEFAULT = new Client("sandbox-client", "sandbox-secret",
                List.of("Team.Create", "Group.ReadWrite.All", "User.Read.All"));

        public Client {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    /**
     * Claims of the user tokens for the service's own API.
     *
     * @param issuer The 'iss' claim of user tokens. The service's resource server must expect it.
     * @param audience The 'aud' claim of user tokens. The service's resource server must expect it.
     */
    public record UserTokens(
            @DefaultValue("https://sandbox.teams-provisioner.invalid/issuer") @NotBlank String issuer,
            @DefaultValue("api://teams-provisioner") @NotBlank String audience) {
    }

    /**
     * How the asynchronous createTeam operation evolves over (clock) time.
     *
     * @param notStarted How long an operation reports 'notStarted' after the POST /teams.
     * @param inProgress How long it then reports 'inProgress' before it ends.
     * @param failureMarker A team whose displayName contains this text ends 'failed' instead of
     *        'succeeded'.
     */
    public record Operations(
            @DefaultValue("300ms") @NotNull @DurationMin Duration notStarted,
            @DefaultValue("2s") @NotNull @DurationMin Duration inProgress,
            @DefaultValue("[fail]") @NotBlank String failureMarker) {
    }

    /**
     * The fake tenant's directory.
     *
     * @param users The users of the tenant. When not configured, a default directory of seven
     *        users: alice@, bob@, carol@, jacob@ (the seed examples' user), o'brien@ and dave@
     *        contoso.com (dave has no department) as members, and one guest from fabrikam.com.
     *        Configuring any user replaces the whole default list.
     */
    public record Directory(List<@Valid @NotNull User> users) {

        public Directory {
            users = users == null ? DefaultDirectory.USERS : List.copyOf(users);
        }

        /** Graph finds users by id and by userPrincipalName, so both must name one user only. */
        @AssertTrue(message = "user ids and userPrincipalNames must be unique (case-insensitively)")
        public boolean isEveryUserUnique() {
            Set<String> seen = new HashSet<>();
            return users.stream().allMatch(user -> user == null || (seen.add(user.id().toLowerCase(Locale.ROOT))
                    & seen.add(user.userPrincipalName().toLowerCase(Locale.ROOT))));
        }
    }

    /**
     * One user of the fake tenant, with the properties of Graph's user resource that the
     * sandbox serves. Unset optional properties are answered as null, as Graph does.
     *
     * @param id Object id: a GUID, stable so that tests and docs can cite it.
     * @param userPrincipalName Sign-in name, e.g. alice@contoso.com. Unique, matched
     *        case-insensitively.
     * @param displayName Name shown in the address book.
     * @param givenName First name.
     * @param surname Last name.
     * @param mail SMTP address. Defaults to the userPrincipalName for members; set it for guests
     *        (whose userPrincipalName is the #EXT# form).
     * @param jobTitle Job title.
     * @param department Department.
     * @param companyName Company name.
     * @param officeLocation Office location.
     * @param state State or province.
     * @param country Country or region.
     * @param usageLocation Two-letter country code (ISO 3166) for license assignment.
     * @param userType Member or Guest.
     * @param accountEnabled Whether the account can sign in.
     */
    public record User(
            @NotBlank @Pattern(regexp = GUID, message = "must be a GUID") String id,
            @NotBlank @Pattern(regexp = "[^@\\s]+@[^@\\s]+", message = "must look like name@domain") String userPrincipalName,
            @NotBlank String displayName,
            String givenName,
            String surname,
            String mail,
            String jobTitle,
            String department,
            String companyName,
            String officeLocation,
            String state,
            String country,
            @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter country code") String usageLocation,
            @DefaultValue("Member") @NotNull @Pattern(regexp = "Member|Guest") String userType,
            @DefaultValue("true") @NotNull Boolean accountEnabled) {

        static final String GUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

        public User {
            userType = userType == null ? "Member" : userType;
            accountEnabled = accountEnabled == null || accountEnabled;
            mail = mail == null && "Member".equals(userType) ? userPrincipalName : mail;
        }

        boolean guest() {
            return "Guest".equals(userType);
        }
    }

    /**
     * Groups of the fake tenant.
     *
     * @param replicationDelay How long after POST /groups the Teams backend does not yet see the
     *        new group: a POST /teams with group@odata.bind to it answers 404 until then (Graph:
     *        "If the group was created less than 15 minutes ago, it's possible for the Create
     *        team call to fail with a 404 error code due to replication delays"). GET /groups
     *        sees the group at once. 0s turns the delay off.
     * @param mailDomain Domain of the groups' SMTP addresses (mail = mailNickname@mailDomain);
     *        its first label also names the SharePoint host of channel files folders.
     * @param existing Microsoft 365 groups the tenant already has at start, already replicated to
     *        Teams (none by default). Lets a client turn a known group into a team, e.g. the
     *        Create team doc's examples 4 and 5 with their own group ids.
     */
    public record Groups(
            @DefaultValue("3s") @NotNull @DurationMin Duration replicationDelay,
            @DefaultValue("contoso.onmicrosoft.com") @NotBlank @Pattern(regexp = "[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+",
                    message = "must be a domain name") String mailDomain,
            List<@Valid @NotNull ExistingGroup> existing) {

        public Groups {
            existing = existing == null ? List.of() : List.copyOf(existing);
        }
    }

    /**
     * A Microsoft 365 group that exists when the sandbox starts.
     *
     * @param id Object id: a GUID.
     * @param displayName Display name, at most 256 characters.
     * @param description Description.
     * @param mailNickname Mail alias, unique; defaults to the display name's letters and digits.
     * @param visibility Public or Private.
     * @param owners Owners, by user id or userPrincipalName; each must be a directory user.
     * @param members Members, by user id or userPrincipalName; each must be a directory user.
     */
    public record ExistingGroup(
            @NotBlank @Pattern(regexp = User.GUID, message = "must be a GUID") String id,
            @NotBlank @Size(max = 256) String displayName,
            String description,
            String mailNickname,
            @DefaultValue("Public") @NotNull @Pattern(regexp = "Public|Private") String visibility,
            List<@NotBlank String> owners,
            List<@NotBlank String> members) {

        public ExistingGroup {
            visibility = visibility == null ? "Public" : visibility;
            owners = owners == null ? List.of() : List.copyOf(owners);
            members = members == null ? List.of() : List.copyOf(members);
        }
    }
}
