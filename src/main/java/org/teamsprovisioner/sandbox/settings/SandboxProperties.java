package org.teamsprovisioner.sandbox.settings;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the in-process Graph simulator that the {@code sandbox} profile runs.
 *
 * @param databaseName Name of the in-memory H2 database of the sandbox profile. Read by
 *        application-sandbox.yml to build the JDBC and R2DBC URLs, not by the simulator.
 * @param tenantId Tenant id of the fake Entra ID tenant: the only tenant the sandbox token
 *        endpoint knows, and the 'tid' claim of every token the sandbox issues.
 * @param clients App registrations that may obtain Graph tokens with the client-credentials
 *        grant, with a secret, a certificate or a federated identity credential. Defaults to one
 *        client 'sandbox-client' with secret 'sandbox-secret' and the app roles Team.Create,
 *        Group.ReadWrite.All, User.Read.All and TeamMember.ReadWrite.All.
 * @param tokenLifetime Lifetime of every token the sandbox issues, user tokens and Graph tokens.
 * @param userTokens Claims of the user access tokens that POST /sandbox/token issues for the
 *        service's own API.
 * @param operations Timing and outcome of the asynchronous createTeam operations.
 * @param throttling Graph's throttling: token buckets per app per tenant with Microsoft's published
 *        limits, the 429 and its Retry-After.
 * @param faults Injected 503/504 answers and latency, reproducible from a seed. Off by default.
 * @param directory The users of the fake tenant that GET /users and every user@odata.bind
 *        resolve against.
 * @param groups Behaviour of the fake tenant's groups (POST /groups and team creation from a
 *        group).
 * @param webhooks The webhook receiver under /sandbox/webhooks/{name}, a stand-in for a portal's
 *        endpoint: how much it keeps and how it checks signatures.
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
        @DefaultValue @NotNull @Valid Throttling throttling,
        @DefaultValue @NotNull @Valid Faults faults,
        @DefaultValue @NotNull @Valid Directory directory,
        @DefaultValue @NotNull @Valid Groups groups,
        @DefaultValue @NotNull @Valid Webhooks webhooks) {

    public SandboxProperties {
        // @DefaultValue cannot express a list of objects; an explicitly empty list stays empty
        // so that @NotEmpty reports it instead of silently re-adding the default client.
        clients = clients == null ? List.of(Client.DEFAULT) : List.copyOf(clients);
    }

    /**
     * One app registration of the fake tenant. It needs a client secret, a certificate, a federated
     * identity credential, or any of them together.
     *
     * @param clientId Application (client) id, sent as 'client_id'.
     * @param clientSecret Client secret, sent as 'client_secret' or with HTTP Basic. Optional
     *        when a certificate or a federated credential is registered.
     * @param roles App roles (application permissions) granted to the app. They become the
     *        'roles' claim of its Graph tokens.
     * @param certificate Certificate credential: one or more PEM-encoded X.509 certificates
     *        ('-----BEGIN CERTIFICATE-----' blocks) with RSA keys. The app may then authenticate
     *        with a 'client_assertion' JWT signed by the private key of one of them and naming it
     *        in its 'x5t' (SHA-1) or 'x5t#S256' header, as Entra ID expects. Optional.
     * @param federatedCredentials Federated identity credentials: tokens of these external issuers
     *        (a Kubernetes cluster's service account tokens, for workload identity) are accepted as
     *        the app's 'client_assertion'. Optional.
     */
    public record Client(@NotBlank String clientId, String clientSecret, List<@NotBlank String> roles,
            String certificate, List<@Valid @NotNull FederatedCredential> federatedCredentials) {

        static final Client DEFAULT = new Client("sandbox-client", "sandbox-secret",
                List.of("Team.Create", "Group.ReadWrite.All", "User.Read.All", "TeamMember.ReadWrite.All"));

        @ConstructorBinding
        public Client {
            clientSecret = clientSecret == null || clientSecret.isBlank() ? null : clientSecret;
            roles = roles == null ? List.of() : List.copyOf(roles);
            certificate = certificate == null || certificate.isBlank() ? null : certificate;
            federatedCredentials = federatedCredentials == null ? List.of() : List.copyOf(federatedCredentials);
        }

        /** A client with a secret and no certificate. */
        public Client(String clientId, String clientSecret, List<String> roles) {
            this(clientId, clientSecret, roles, null, null);
        }

        /** Without any credential, Entra could never issue the app a token. */
        @AssertTrue(message = "needs a client-secret, a certificate or a federated-credential")
        public boolean isCredentialConfigured() {
            return clientSecret != null || certificate != null || !federatedCredentials.isEmpty();
        }
    }

    /**
     * A federated identity credential of an app registration (Graph's federatedIdentityCredential):
     * Entra ID accepts a token of another identity provider as the app's client assertion when its
     * 'iss' is the issuer, its 'sub' the subject (both compared exactly, case-sensitively) and its
     * 'aud' holds one of the audiences. The token's signature is checked against the keys the
     * issuer publishes through OpenID Connect discovery ('{issuer}/.well-known/openid-configuration',
     * then its 'jwks_uri'), which a Kubernetes cluster with an OIDC issuer serves.
     *
     * @param issuer The external issuer's URL, exactly as its tokens' 'iss' (AKS:
     *        'https://{region}.oic.prod-aks.azure.com/{tenant}/{guid}/', trailing slash included).
     * @param subject The external workload's identity, for Kubernetes
     *        'system:serviceaccount:{namespace}:{service account}'.
     * @param audiences Accepted 'aud' values; Entra's recommended (and the workload identity
     *        webhook's) 'api://AzureADTokenExchange' by default.
     */
    public record FederatedCredential(@NotBlank String issuer, @NotBlank String subject, List<@NotBlank String> audiences) {

        static final String TOKEN_EXCHANGE_AUDIENCE = "api://AzureADTokenExchange";

        public FederatedCredential {
            audiences = audiences == null || audiences.isEmpty() ? List.of(TOKEN_EXCHANGE_AUDIENCE) : List.copyOf(audiences);
        }
    }

    /**
     * Claims of the user tokens for the service's own API.
     *
     * @param issuer The 'iss' claim of user tokens. The service's resource server must expect it.
     * @param audience The 'aud' claim of user tokens. The service's resource server must expect it.
     * @param scope The 'scp' claim of user tokens unless the request names other scopes: the delegated
     *        scope the service requires (provisioner.security.jwt.user-scope).
     */
    public record UserTokens(
            @DefaultValue("https://sandbox.teams-provisioner.invalid/issuer") @NotBlank String issuer,
            @DefaultValue("api://teams-provisioner") @NotBlank String audience,
            @DefaultValue("TeamRequests.ReadWrite") @NotBlank String scope) {
    }

    /**
     * How the asynchronous createTeam operation evolves over (clock) time.
     *
     * @param notStarted How long an operation reports 'notStarted' after the POST /teams.
     * @param inProgress How long it then reports 'inProgress' before it ends.
     * @param failureMarker A team whose displayName contains this text ends 'failed' instead of
     *        'succeeded'.
     * @param failureRate Share of createTeam operations, between 0.0 and 1.0, that end 'failed'
     *        whatever their name, on top of the failure marker. Drawn once per team at creation.
     * @param seed Seed of the draws of failureRate: the same seed gives the same sequence of
     *        outcomes, team after team.
     * @param pollRetryAfter Retry-After sent on GET /teams/{id}/operations/{id} while the operation
     *        has not ended (notStarted, inProgress), in the form throttling.retry-after selects, so
     *        a client can be tested for honouring it. 0 (the default): no header, as in Graph's docs.
     */
    public record Operations(
            @DefaultValue("300ms") @NotNull @DurationMin Duration notStarted,
            @DefaultValue("2s") @NotNull @DurationMin Duration inProgress,
            @DefaultValue("[fail]") @NotBlank String failureMarker,
            @DefaultValue("0") @DecimalMin("0.0") @DecimalMax("1.0") double failureRate,
            @DefaultValue("0") long seed,
            @DefaultValue("0s") @NotNull @DurationMin Duration pollRetryAfter) {
    }

    /**
     * Graph's throttling, as token buckets per app ('appid' or 'azp' claim) per tenant ('tid'
     * claim), one bucket per route class. A bucket limit is written 'requests/period', for example
     * '100/10s': the bucket holds 100 requests and refills at 100 per 10 seconds. The defaults are
     * Microsoft's published limits ("Microsoft Graph service-specific throttling limits"), high
     * enough that ordinary use of the sandbox is never throttled. An approximation: Microsoft states
     * the Teams limits as requests per second (rps) without a burst size or a measuring window, so
     * the sandbox measures them over 10 seconds, the window of the Identity and access limits; a
     * bucket thus holds ten seconds' worth and lets through short bursts that Graph might refuse.
     *
     * @param enabled Whether Graph calls are throttled at all.
     * @param retryAfter Form of the Retry-After header of a 429: 'seconds' (whole seconds, rounded
     *        up), 'decimal-seconds' (milliseconds precision, e.g. 2.128, as Graph's throttling
     *        documentation and Microsoft's Dev Proxy send it) or 'http-date' (an RFC 9110
     *        IMF-fixdate, rounded up to the next second).
     * @param retryAfterBase The least Retry-After a 429 announces; it is longer when the bucket
     *        needs longer to hold a request again.
     * @param createTeam POST /teams. Teams: "POST /teams" 10 rps per app per tenant.
     * @param getTeam GET /teams/{id}. Teams: "GET /teams/{team-id}, joinedTeams" 30 rps per app
     *        per tenant.
     * @param listChannels GET /teams/{id}/channels. Teams: "GET /teams/{team-id}/channels" 60 rps
     *        per app per tenant.
     * @param teamsRead Every other GET under /teams (operations, filesFolder). Teams: "GET team,
     *        channel, tab..." and "other GET API calls for Microsoft Teams", both 30 rps.
     * @param teamsWrite Every other call under /teams (such as members/add). Teams: "other API
     *        calls for Microsoft Teams" 30 rps.
     * @param other Every other Graph call (groups, users). Identity and access: 3,500 requests
     *        per 10 seconds per app per tenant (tenant of fewer than 50 users).
     */
    public record Throttling(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("seconds") @NotNull RetryAfterForm retryAfter,
            @DefaultValue("2s") @NotNull @DurationMin(millis = 1) Duration retryAfterBase,
            @DefaultValue("100/10s") @NotNull Limit createTeam,
            @DefaultValue("300/10s") @NotNull Limit getTeam,
            @DefaultValue("600/10s") @NotNull Limit listChannels,
            @DefaultValue("300/10s") @NotNull Limit teamsRead,
            @DefaultValue("300/10s") @NotNull Limit teamsWrite,
            @DefaultValue("3500/10s") @NotNull Limit other) {
    }

    /** The forms RFC 9110 and Graph use for a Retry-After header. */
    public enum RetryAfterForm {
        /** Whole seconds, {@code Retry-After: 3}. */
        SECONDS,
        /** Seconds with a fraction, {@code Retry-After: 2.128}. */
        DECIMAL_SECONDS,
        /** An IMF-fixdate, {@code Retry-After: Mon, 02 Mar 2026 09:00:03 GMT}. */
        HTTP_DATE
    }

    /**
     * A token bucket limit written {@code requests/period}: the bucket holds {@code requests}
     * and refills at {@code requests} per {@code period}, so {@code 10/1s} allows a burst of 10
     * and then 10 per second.
     *
     * @param requests How many requests a full bucket holds.
     * @param period How long an empty bucket takes to fill up again.
     */
    public record Limit(int requests, Duration period) {

        public Limit {
            if (requests < 1 || period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("A limit needs at least 1 request per a positive period, not "
                        + requests + " per " + period);
            }
        }

        /**
         * Parses {@code 100/10s} (the period in Spring Boot's duration syntax). Named
         * {@code valueOf} so that configuration binding converts strings with it.
         */
        public static Limit valueOf(String text) {
            int slash = text == null ? -1 : text.indexOf('/');
            int requests;
            Duration period;
            try {
                requests = Integer.parseInt(text.substring(0, slash).strip());
                period = DurationStyle.detectAndParse(text.substring(slash + 1).strip());
            }
            catch (RuntimeException ex) { // also a missing slash, as substring's IndexOutOfBoundsException
                throw new IllegalArgumentException("A limit is written requests/period, e.g. 10/1s, not '" + text + "'", ex);
            }
            return new Limit(requests, period);
        }

        @Override
        public String toString() {
            return requests + "/" + (period.getNano() == 0 ? period.toSeconds() + "s" : period.toMillis() + "ms");
        }
    }

    /**
     * Faults the sandbox injects into Graph calls, for resilience tests. The same seed and the same
     * sequence of calls give the same faults and latencies.
     *
     * @param seed Seed of the random choices (which calls fail, with which status, how slowly).
     * @param rate Share of calls, 0.0 to 1.0, answered 503 ServiceUnavailable or 504
     *        GatewayTimeout (without Retry-After) instead of being processed. Authentication
     *        and throttling come first: a 401 or 429 is never replaced by a fault.
     * @param latencyMin Least delay added to every Graph response.
     * @param latencyMax Greatest delay added to every Graph response; the delay is drawn
     *        uniformly between latencyMin and latencyMax.
     * @param routes Routes whose calls may fault, as method and route template (e.g. 'POST
     *        /teams', 'GET /teams/{id}/operations/{id}'). Empty: every route.
     */
    public record Faults(
            @DefaultValue("0") long seed,
            @DefaultValue("0") @DecimalMin("0.0") @DecimalMax("1.0") double rate,
            @DefaultValue("0ms") @NotNull @DurationMin Duration latencyMin,
            @DefaultValue("0ms") @NotNull @DurationMin Duration latencyMax,
            List<@NotBlank String> routes) {

        public Faults {
            routes = routes == null ? List.of() : List.copyOf(routes);
        }

        /** Bean Validation reports a reversed range as the property 'latencyRangeOrdered'. */
        @AssertTrue(message = "latency-max must not be shorter than latency-min")
        public boolean isLatencyRangeOrdered() {
            return latencyMin == null || latencyMax == null || latencyMax.compareTo(latencyMin) >= 0;
        }
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

        public static final String GUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

        public User {
            userType = userType == null ? "Member" : userType;
            accountEnabled = accountEnabled == null || accountEnabled;
            mail = mail == null && "Member".equals(userType) ? userPrincipalName : mail;
        }

        public boolean guest() {
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

    /**
     * The sandbox's webhook receiver, which records what a sender delivers to
     * POST /sandbox/webhooks/{name}. Everything is in memory and bounded by these limits.
     *
     * @param history Deliveries kept per receiver name, newest last; older ones are dropped.
     * @param maxReceivers Names the receiver keeps at once; a delivery or setting for one more
     *        name is refused with 409 until a name is deleted.
     * @param maxBodySize Largest body a delivery may have; a larger one is answered 413.
     * @param tolerance How far webhook-timestamp may be from the sandbox's clock, in the past or
     *        the future, for a signature to verify (Standard Webhooks: replay protection).
     */
    public record Webhooks(
            @DefaultValue("200") @Min(1) @Max(10_000) int history,
            @DefaultValue("100") @Min(1) @Max(10_000) int maxReceivers,
            @DefaultValue("256KB") @NotNull DataSize maxBodySize,
            @DefaultValue("5m") @NotNull @DurationMin(seconds = 1) Duration tolerance) {

        /** Bean Validation reports a body limit outside 1 byte to 16 MB as 'maxBodySizeInRange'. */
        @AssertTrue(message = "max-body-size must be between 1B and 16MB")
        public boolean isMaxBodySizeInRange() {
            return maxBodySize == null || (maxBodySize.toBytes() >= 1 && maxBodySize.toBytes() <= DataSize.ofMegabytes(16).toBytes());
        }
    }
}
