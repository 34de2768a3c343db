package org.teamsprovisioner.sandbox;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
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
 */
@Validated
@ConfigurationProperties("provisioner.sandbox")
public record SandboxProperties(
        @DefaultValue("teams-provisioner") @NotBlank String databaseName,
        @DefaultValue("sandbox-tenant") @NotBlank String tenantId,
        @NotEmpty List<@Valid @NotNull Client> clients,
        @DefaultValue("1h") @NotNull @DurationMin(seconds = 1) Duration tokenLifetime,
        @DefaultValue @NotNull @Valid UserTokens userTokens,
        @DefaultValue @NotNull @Valid Operations operations) {

    public SandboxProperties {
        // @DefaultValue cannot express a list of objects; an explicitly empty list stays empty
        // so that @NotEmpty reports it instead of silently re-adding the default client.
        clients = clients == null ? List.of(Client.DEFAULT) : List.copyOf(clients);
    }

    /**
     * One app registration of the fake tenant. It needs a client secret, a certificate, or both.
     *
     * @param clientId Application (client) id, sent as 'client_id'.
     * @param clientSecret Client secret, sent as 'client_secret' or with HTTP Basic. Optional
     *        when a certificate is registered.
     * @param roles App roles (application permissions) granted to the app. They become the
     *        'roles' claim of its Graph tokens.
     * @param certificate Certificate credential: one or more PEM-encoded X.509 certificates
     *        ('-----BEGIN CERTIFICATE-----' blocks) with RSA keys. The app may then authenticate
     *        with a 'client_assertion' JWT signed by the private key of one of them and naming it
     *        in its 'x5t' (SHA-1) or 'x5t#S256' header, as Entra ID expects. Optional.
     */
    public record Client(@NotBlank String clientId, String clientSecret, List<@NotBlank String> roles,
            String certificate) {

        static final Client DEFAULT = new Client("sandbox-client", "sandbox-secret",
                List.of("Team.Create", "Group.ReadWrite.All", "User.Read.All"));

        @ConstructorBinding
        public Client {
            clientSecret = clientSecret == null || clientSecret.isBlank() ? null : clientSecret;
            roles = roles == null ? List.of() : List.copyOf(roles);
            certificate = certificate == null || certificate.isBlank() ? null : certificate;
        }

        /** A client with a secret and no certificate. */
        public Client(String clientId, String clientSecret, List<String> roles) {
            this(clientId, clientSecret, roles, null);
        }

        /** Without any credential, Entra could never issue the app a token. */
        @AssertTrue(message = "needs a client-secret or a certificate")
        public boolean isCredentialConfigured() {
            return clientSecret != null || certificate != null;
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
     * @param failureRate Share of createTeam operations, between 0.0 and 1.0, that end 'failed'
     *        whatever their name, on top of the failure marker. Drawn once per team at creation.
     * @param seed Seed of the draws of failureRate: the same seed gives the same sequence of
     *        outcomes, team after team.
     */
    public record Operations(
            @DefaultValue("300ms") @NotNull @DurationMin Duration notStarted,
            @DefaultValue("2s") @NotNull @DurationMin Duration inProgress,
            @DefaultValue("[fail]") @NotBlank String failureMarker,
            @DefaultValue("0") @DecimalMin("0.0") @DecimalMax("1.0") double failureRate,
            @DefaultValue("0") long seed) {
    }
}
