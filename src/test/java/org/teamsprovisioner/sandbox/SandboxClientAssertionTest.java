package org.teamsprovisioner.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.teamsprovisioner.support.TestCertificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Entra ID certificate credentials at the sandbox token endpoint: {@code client_assertion} JWTs
 * signed with a real RSA key whose self-signed certificate is registered for the client.
 */
class SandboxClientAssertionTest {

    private static final String TOKEN_PATH = "/sandbox/login/sandbox-tenant/oauth2/v2.0/token";
    private static final Instant NOW = RunningSandbox.START;

    /** Generating RSA keys is slow, so the whole class shares these. */
    private static final KeyPair KEY = TestCertificates.rsa();
    private static final KeyPair SECOND_KEY = TestCertificates.rsa();
    private static final KeyPair STRANGER = TestCertificates.rsa();
    private static final X509Certificate CERTIFICATE = TestCertificates.selfSigned(KEY, NOW);
    private static final X509Certificate SECOND_CERTIFICATE = TestCertificates.selfSigned(SECOND_KEY, NOW);
    private static final X509Certificate EXPIRED_CERTIFICATE =
            TestCertificates.selfSigned(KEY, NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(1)));
    private static final X509Certificate UNREGISTERED_CERTIFICATE = TestCertificates.selfSigned(STRANGER, NOW);

    private final RunningSandbox sandbox = new RunningSandbox(settings());
    private final String endpoint = sandbox.baseUrl() + TOKEN_PATH;

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("provisioner.sandbox.clients[0].client-id", "sandbox-client");
        settings.put("provisioner.sandbox.clients[0].client-secret", "sandbox-secret");
        settings.put("provisioner.sandbox.clients[0].roles", "Team.Create");
        // Two certificates, as during a rotation; no secret.
        settings.put("provisioner.sandbox.clients[1].client-id", "cert-client");
        settings.put("provisioner.sandbox.clients[1].certificate",
                TestCertificates.pem(CERTIFICATE) + TestCertificates.pem(SECOND_CERTIFICATE));
        settings.put("provisioner.sandbox.clients[1].roles", "Team.Create");
        settings.put("provisioner.sandbox.clients[2].client-id", "expired-client");
        settings.put("provisioner.sandbox.clients[2].certificate", TestCertificates.pem(EXPIRED_CERTIFICATE));
        return settings;
    }

    @Test
    void assertionSignedWithTheRegisteredCertificateGetsATokenThatGraphAccepts() throws Exception {
        sandbox.assertGraphTokenThatGraphAccepts(post(assertionForm("cert-client", assertion(claimsFor(endpoint)))),
                "cert-client", "Team.Create");
    }

    @Test
    void theSha256ThumbprintAndPs256AreAcceptedToo() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.PS256)
                .type(JOSEObjectType.JWT)
                .x509CertSHA256Thumbprint(TestCertificates.thumbprint("SHA-256", SECOND_CERTIFICATE))
                .build(), claimsFor(endpoint).build());
        jwt.sign(new RSASSASigner(SECOND_KEY.getPrivate()));

        post(assertionForm("cert-client", jwt.serialize())).expectStatus().isOk();
    }

    @Test
    void anAssertionSentAgainIsRefusedAsAReplay() {
        String assertion = assertion(claimsFor(endpoint));
        post(assertionForm("cert-client", assertion)).expectStatus().isOk();

        JsonNode error = RunningSandbox.entraError(post(assertionForm("cert-client", assertion)), 401, "invalid_client", 50013);

        assertThat(error.get("error_description").stringValue()).contains("was already used");
        post(assertionForm("cert-client", assertion(claimsFor(endpoint)))).expectStatus().isOk();
    }

    @Test
    void bothThumbprintsMustNameTheSameCertificate() {
        String assertion = sign(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .x509CertThumbprint(TestCertificates.thumbprint("SHA-1", CERTIFICATE))
                .x509CertSHA256Thumbprint(TestCertificates.thumbprint("SHA-256", SECOND_CERTIFICATE))
                .build(), claimsFor(endpoint), KEY);

        JsonNode error = RunningSandbox.entraError(post(assertionForm("cert-client", assertion)), 401, "invalid_client", 700027);

        assertThat(error.get("error_description").stringValue()).contains("The key was not found");
    }

    @Test
    void entrasOwnTokenEndpointIsAnAcceptedAudience() {
        String entra = "https://login.microsoftonline.com/sandbox-tenant/oauth2/v2.0/token";

        post(assertionForm("cert-client", assertion(claimsFor(entra)))).expectStatus().isOk();
    }

    static Stream<Arguments> rejectedAssertions() {
        return Stream.of(
                rejected("signed with another key", "cert-client",
                        test -> test.assertion(test.claims(), STRANGER, CERTIFICATE), 700027, "did not match the expected signature"),
                rejected("thumbprint of an unregistered certificate", "cert-client",
                        test -> test.assertion(test.claims(), STRANGER, UNREGISTERED_CERTIFICATE), 700027, "The key was not found"),
                rejected("certificate registered for another client", "sandbox-client",
                        test -> test.assertion(test.claims(), KEY, CERTIFICATE), 700027, "The key was not found"),
                rejected("registered certificate expired", "expired-client",
                        test -> test.assertion(test.claims("expired-client"), KEY, EXPIRED_CERTIFICATE), 700027, "The key used is expired"),
                rejected("no thumbprint in the header", "cert-client",
                        test -> test.unnamed(test.claims()), 50027, "No certificate thumbprint"),
                rejected("not a JWT", "cert-client", test -> "not-a-jwt", 50027, "not a compact signed JWT"),
                rejected("audience of another endpoint", "cert-client",
                        test -> test.assertion(test.claims().audience("https://login.microsoftonline.com/other/oauth2/v2.0/token")),
                        700023, "audience claim does not match"),
                rejected("issuer is not the client", "cert-client",
                        test -> test.assertion(test.claims().issuer("someone-else")), 700021, "'iss' and 'sub'"),
                rejected("subject is not the client", "cert-client",
                        test -> test.assertion(test.claims().subject("someone-else")), 700021, "doesn't match 'client_id'"),
                rejected("expired a second ago", "cert-client",
                        test -> test.assertion(test.claims().expirationTime(Date.from(NOW.minusSeconds(1)))), 700024,
                        // JWT times have whole seconds; Entra prints seven fractional digits.
                        "Current time: 2026-03-02T09:00:00.2500000Z, assertion valid from 2026-03-02T08:59:55.0000000Z,"
                                + " expiry time of assertion 2026-03-02T08:59:59.0000000Z"),
                rejected("expired, without nbf", "cert-client", test -> test.assertion(test.claims().notBeforeTime(null)
                        .expirationTime(Date.from(NOW.minusSeconds(1)))), 700024,
                        "assertion valid from 1970-01-01T00:00:00.0000000Z"),
                rejected("expiring this very instant", "cert-client",
                        test -> test.assertion(test.claims().expirationTime(Date.from(NOW))), 700024, "not within its valid time range"),
                rejected("not valid before a later time", "cert-client",
                        test -> test.assertion(test.claims().notBeforeTime(Date.from(NOW.plusSeconds(60)))), 700024,
                        "assertion valid from 2026-03-02T09:01:00.0000000Z"),
                rejected("no exp", "cert-client", test -> test.assertion(test.claims().expirationTime(null)), 50027, "no 'exp' claim"),
                rejected("no jti", "cert-client", test -> test.assertion(test.claims().jwtID(null)), 50027, "no 'jti' claim"),
                rejected("assertion from a client with a secret only", "sandbox-client",
                        test -> test.assertion(test.claims("sandbox-client")), 700027, "The key was not found"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedAssertions")
    void badAssertionIsInvalidClientWithEntrasCode(String scenario, String clientId,
            Function<SandboxClientAssertionTest, String> assertion, int code, String message) {
        JsonNode error = RunningSandbox.entraError(post(assertionForm(clientId, assertion.apply(this))), 401, "invalid_client", code);

        assertThat(error.get("error_description").stringValue()).as(scenario).contains(message);
    }

    @Test
    void aRequestWithNeitherSecretNorAssertionIsInvalidClient() {
        MultiValueMap<String, String> form = form("grant_type", "client_credentials", "client_id", "cert-client",
                "scope", "https://graph.microsoft.com/.default");

        JsonNode error = RunningSandbox.entraError(post(form), 401, "invalid_client", 7000218);
        assertThat(error.get("error_description").stringValue()).contains("'client_assertion' or 'client_secret'");
    }

    @Test
    void anAssertionTogetherWithASecretIsRefused() {
        MultiValueMap<String, String> form = assertionForm("cert-client", assertion(claimsFor(endpoint)));
        form.add("client_secret", "sandbox-secret");
        RunningSandbox.entraError(post(form), 400, "invalid_request", 7000218);

        String basic = Base64.getEncoder().encodeToString("cert-client:whatever".getBytes(StandardCharsets.UTF_8));
        RunningSandbox.entraError(sandbox.client.post().uri(TOKEN_PATH).header("Authorization", "Basic " + basic)
                .body(BodyInserters.fromFormData(assertionForm("cert-client", assertion(claimsFor(endpoint))))).exchange(),
                400, "invalid_request", 7000218);
    }

    @Test
    void theAssertionTypeIsRequiredAndMustBeJwtBearer() {
        MultiValueMap<String, String> form = assertionForm("cert-client", assertion(claimsFor(endpoint)));
        form.remove("client_assertion_type");
        assertThat(RunningSandbox.entraError(post(form), 400, "invalid_request", 900144).get("error_description").stringValue())
                .contains("'client_assertion_type'");

        form.add("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:saml2-bearer");
        assertThat(RunningSandbox.entraError(post(form), 400, "invalid_request", 900144).get("error_description").stringValue())
                .contains("saml2-bearer").contains("jwt-bearer");
    }

    @Test
    void aClientRegisteredWithACertificateOnlyHasNoSecret() {
        MultiValueMap<String, String> form = form("grant_type", "client_credentials", "client_id", "cert-client",
                "client_secret", "guess", "scope", "https://graph.microsoft.com/.default");

        RunningSandbox.entraError(post(form), 401, "invalid_client", 7000215);
    }

    @Test
    void aClientWithoutSecretOrCertificateStopsTheApplication() {
        new ApplicationContextRunner().withUserConfiguration(SandboxConfiguration.class)
                .withPropertyValues("spring.profiles.active=sandbox", "provisioner.sandbox.clients[0].client-id=nothing")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .isInstanceOf(BindValidationException.class)
                            .hasMessageContaining("credentialConfigured");
                });
    }

    @Test
    void aCertificateThatIsNotPemStopsTheApplication() {
        new ApplicationContextRunner().withUserConfiguration(SandboxConfiguration.class)
                .withPropertyValues("spring.profiles.active=sandbox", "provisioner.sandbox.clients[0].client-id=broken",
                        "provisioner.sandbox.clients[0].certificate=not a certificate")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).hasStackTraceContaining("'broken' is not a PEM X.509 certificate");
                });
    }

    /** @param assertion builds the assertion with the running test's endpoint */
    private static Arguments rejected(String scenario, String clientId, Function<SandboxClientAssertionTest, String> assertion,
            int code, String message) {
        return arguments(scenario, clientId, assertion, code, message);
    }

    /** The claims Entra expects from {@code cert-client}, addressed to the endpoint the test calls. */
    JWTClaimsSet.Builder claims() {
        return claims("cert-client");
    }

    JWTClaimsSet.Builder claims(String clientId) {
        return claimsFor(endpoint).issuer(clientId).subject(clientId);
    }

    private static JWTClaimsSet.Builder claimsFor(String audience) {
        return new JWTClaimsSet.Builder()
                .audience(audience)
                .issuer("cert-client")
                .subject("cert-client")
                .jwtID(UUID.randomUUID().toString())
                .notBeforeTime(Date.from(NOW.minusSeconds(5)))
                .expirationTime(Date.from(NOW.plus(Duration.ofMinutes(10))));
    }

    String assertion(JWTClaimsSet.Builder claims) {
        return assertion(claims, KEY, CERTIFICATE);
    }

    /** Signed with {@code key}, naming {@code certificate} by its SHA-1 thumbprint as MSAL does. */
    String assertion(JWTClaimsSet.Builder claims, KeyPair key, X509Certificate certificate) {
        return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .x509CertThumbprint(TestCertificates.thumbprint("SHA-1", certificate)).build(), claims, key);
    }

    String unnamed(JWTClaimsSet.Builder claims) {
        return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims, KEY);
    }

    private static String sign(JWSHeader header, JWTClaimsSet.Builder claims, KeyPair key) {
        try {
            SignedJWT jwt = new SignedJWT(header, claims.build());
            jwt.sign(new RSASSASigner(key.getPrivate()));
            return jwt.serialize();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private MultiValueMap<String, String> assertionForm(String clientId, String assertion) {
        return form("grant_type", "client_credentials", "client_id", clientId,
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion", assertion, "scope", "https://graph.microsoft.com/.default");
    }

    private WebTestClient.ResponseSpec post(MultiValueMap<String, String> form) {
        return sandbox.client.post().uri(TOKEN_PATH).body(BodyInserters.fromFormData(form)).exchange();
    }

    private static MultiValueMap<String, String> form(String... pairs) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.add(pairs[i], pairs[i + 1]);
        }
        return form;
    }
}
