package org.teamsprovisioner.sandbox.entra;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import reactor.core.publisher.Mono;

import org.teamsprovisioner.sandbox.settings.SandboxProperties;

/**
 * The {@code client_assertion} of a token request, of either kind Entra ID takes.
 *
 * <p>Certificate credentials: a client authenticates with a JWT it signed with the private key of
 * a certificate registered for it (Microsoft identity platform, "Certificate credentials"). The
 * header names the certificate by its SHA-1 thumbprint ({@code x5t}), its SHA-256 thumbprint
 * ({@code x5t#S256}) or both (then both must name it); the claims are {@code aud} = the token
 * endpoint, {@code iss} = {@code sub} = the client id, {@code exp}, optionally {@code nbf}, and a
 * {@code jti}. Checks run in this order, each with Entra's error code: thumbprint present (50027),
 * key registered (700027), key within its validity (700027), RS256/PS256 signature (700027),
 * audience (700023), issuer and subject (700021), lifetime (700024), jti present (50027), jti not
 * used before (50013, RFC 7523 3: an assertion seen in transit cannot be replayed while it lasts).
 *
 * <p>Federated credentials (workload identity federation): an assertion whose header names no
 * certificate and whose issuer is not the client itself is another identity provider's token,
 * checked by {@link FederatedAssertions}.
 *
 * <p>There is no clock-skew allowance: the client's clock and the sandbox's are the same in tests.
 */
final class ClientAssertions {

    /** Entra's own token endpoint is accepted as an audience too, besides the URL the client called. */
    static final String ENTRA_TOKEN_ENDPOINT = "https://login.microsoftonline.com/%s/oauth2/v2.0/token";

    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256);

    /** Entra prints key validity like "Start=02/07/2021 17:00:39". */
    private static final DateTimeFormatter KEY_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss").withZone(ZoneOffset.UTC);

    /** Entra prints the assertion's times with seven fractional digits. */
    private static final DateTimeFormatter ASSERTION_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);

    /** A registered certificate and its two thumbprints. */
    private record Key(X509Certificate certificate, RSAPublicKey publicKey, Base64URL sha1, Base64URL sha256) {
    }

    private final Map<String, List<Key>> keysByClient;
    private final FederatedAssertions federated;
    /** Each client's assertion ids seen, until the assertion that carried them expires. */
    private final Map<String, Instant> usedJtis = new ConcurrentHashMap<>();

    /** @throws IllegalStateException when a client's certificate is not PEM X.509 with an RSA key, at startup */
    ClientAssertions(List<SandboxProperties.Client> clients, FederatedAssertions federated) {
        Map<String, List<Key>> keys = new HashMap<>();
        for (SandboxProperties.Client client : clients) {
            keys.put(client.clientId(), client.certificate() == null ? List.of() : keys(client));
        }
        this.keysByClient = Map.copyOf(keys);
        this.federated = federated;
    }

    /**
     * @param audiences the URLs a certificate assertion may be addressed to
     * @return empty when the assertion authenticates {@code client}, else an {@link EntraException}
     *     ({@code invalid_client}, or {@code invalid_request} for a federated token no credential matches)
     */
    Mono<Void> verify(SandboxProperties.Client client, String assertion, Set<String> audiences, Clock clock) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(assertion);
            claims = jwt.getJWTClaimsSet();
        }
        catch (ParseException ex) {
            return Mono.error(EntraException.malformedAssertion("The client assertion is not a compact signed JWT."));
        }
        JWSHeader header = jwt.getHeader();
        boolean namesCertificate = header.getX509CertThumbprint() != null || header.getX509CertSHA256Thumbprint() != null;
        if (!namesCertificate && claims.getIssuer() != null && !client.clientId().equals(claims.getIssuer())) {
            return federated.verify(client, jwt, claims, clock);
        }
        return Mono.fromRunnable(() -> verifyCertificateAssertion(client, jwt, claims, audiences, clock.instant()));
    }

    private void verifyCertificateAssertion(SandboxProperties.Client client, SignedJWT jwt, JWTClaimsSet claims,
            Set<String> audiences, Instant now) {
        JWSHeader header = jwt.getHeader();
        Base64URL sha1 = header.getX509CertThumbprint();
        Base64URL sha256 = header.getX509CertSHA256Thumbprint();
        if (sha1 == null && sha256 == null) {
            throw EntraException.assertionWithoutThumbprint();
        }
        String thumbprint = HexFormat.of().withUpperCase().formatHex((sha1 != null ? sha1 : sha256).decode());
        Key key = keysByClient.getOrDefault(client.clientId(), List.of()).stream()
                .filter(candidate -> (sha1 == null || candidate.sha1().equals(sha1))
                        && (sha256 == null || candidate.sha256().equals(sha256)))
                .findFirst()
                .orElseThrow(() -> EntraException.assertionSignature("The key was not found.", thumbprint, client.clientId()));
        Date at = Date.from(now);
        if (at.before(key.certificate().getNotBefore()) || at.after(key.certificate().getNotAfter())) {
            throw EntraException.assertionSignature("The key used is expired. Found key '" + validity(key) + "'",
                    thumbprint, client.clientId());
        }
        if (!ALGORITHMS.contains(header.getAlgorithm()) || !verifies(jwt, key)) {
            throw EntraException.assertionSignature("The provided signature value did not match the expected signature"
                    + " value. Found key '" + validity(key) + "'", thumbprint, client.clientId());
        }
        if (claims.getAudience() == null || claims.getAudience().stream().noneMatch(audiences::contains)) {
            throw EntraException.assertionAudience();
        }
        if (!client.clientId().equals(claims.getIssuer()) || !client.clientId().equals(claims.getSubject())) {
            throw EntraException.assertionIssuer();
        }
        checkLifetime(claims, now);
        if (claims.getJWTID() == null || claims.getJWTID().isBlank()) {
            throw EntraException.malformedAssertion("The client assertion has no 'jti' claim.");
        }
        firstUse(client.clientId() + "\n" + claims.getJWTID(), claims.getExpirationTime().toInstant(), now);
    }

    /** Remembers the id until the assertion expires; afterwards its lifetime check refuses it anyway. */
    private void firstUse(String clientAndJti, Instant expiry, Instant now) {
        usedJtis.values().removeIf(until -> !until.isAfter(now));
        if (usedJtis.putIfAbsent(clientAndJti, expiry) != null) {
            throw EntraException.assertionReplayed(clientAndJti.substring(clientAndJti.indexOf('\n') + 1));
        }
    }

    static void checkLifetime(JWTClaimsSet claims, Instant now) {
        Date expiry = claims.getExpirationTime();
        if (expiry == null) {
            throw EntraException.malformedAssertion("The client assertion has no 'exp' claim.");
        }
        Instant validFrom = claims.getNotBeforeTime() != null ? claims.getNotBeforeTime().toInstant() : Instant.EPOCH;
        if (now.isBefore(validFrom) || !now.isBefore(expiry.toInstant())) {
            throw EntraException.assertionLifetime(ASSERTION_TIME.format(now), ASSERTION_TIME.format(validFrom),
                    ASSERTION_TIME.format(expiry.toInstant()));
        }
    }

    private static boolean verifies(SignedJWT jwt, Key key) {
        try {
            return jwt.verify(new RSASSAVerifier(key.publicKey()));
        }
        catch (JOSEException ex) {
            return false;
        }
    }

    private static String validity(Key key) {
        return "Start=" + KEY_DATE.format(key.certificate().getNotBefore().toInstant()) + ", End="
                + KEY_DATE.format(key.certificate().getNotAfter().toInstant());
    }

    private static List<Key> keys(SandboxProperties.Client client) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            var certificates = factory.generateCertificates(
                    new ByteArrayInputStream(client.certificate().getBytes(StandardCharsets.US_ASCII)));
            if (certificates.isEmpty()) {
                throw new IllegalStateException("holds no certificate");
            }
            return certificates.stream().map(ClientAssertions::key).toList();
        }
        catch (GeneralSecurityException | IllegalStateException ex) {
            throw new IllegalStateException("provisioner.sandbox.clients certificate of '" + client.clientId()
                    + "' is not a PEM X.509 certificate with an RSA key: " + ex.getMessage(), ex);
        }
    }

    private static Key key(Certificate certificate) {
        X509Certificate x509 = (X509Certificate) certificate;
        if (!(x509.getPublicKey() instanceof RSAPublicKey rsa)) {
            throw new IllegalStateException("its key is " + x509.getPublicKey().getAlgorithm() + ", not RSA");
        }
        try {
            byte[] der = x509.getEncoded();
            return new Key(x509, rsa, Base64URL.encode(MessageDigest.getInstance("SHA-1").digest(der)),
                    Base64URL.encode(MessageDigest.getInstance("SHA-256").digest(der)));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex.getMessage(), ex);
        }
    }

    /** The token endpoint addresses a client may put in {@code aud}. */
    static Set<String> audiences(String requestUrl, String tenant) {
        return Set.of(requestUrl, ENTRA_TOKEN_ENDPOINT.formatted(tenant));
    }
}
