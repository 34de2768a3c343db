package org.teamsprovisioner.support;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.util.Base64URL;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * RSA keys and self-signed certificates made in the test, as one made with New-SelfSignedCertificate
 * or openssl for an app registration, in the files the service reads: PEM (PKCS#8 key and
 * certificate) and PKCS#12. BouncyCastle comes with mock-oauth2-server, in the test scope only.
 */
public final class TestCertificates {

    private TestCertificates() {
    }

    /** Generating RSA keys takes a while: share them within a test class. */
    public static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Valid from a day before {@code now} for a year. */
    public static X509Certificate selfSigned(KeyPair key, Instant now) {
        return selfSigned(key, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
    }

    public static X509Certificate selfSigned(KeyPair key, Instant notBefore, Instant notAfter) {
        try {
            X500Name name = new X500Name("CN=teams-provisioner-test-" + UUID.randomUUID());
            return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                    BigInteger.valueOf(System.nanoTime()), Date.from(notBefore), Date.from(notAfter), name, key.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate())));
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    public static String pem(X509Certificate certificate) {
        try {
            return pem("CERTIFICATE", certificate.getEncoded());
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The unencrypted PKCS#8 private key, as {@code openssl pkcs12 -nodes} or Key Vault's PEM export writes it. */
    public static String pem(KeyPair key) {
        return pem("PRIVATE KEY", key.getPrivate().getEncoded());
    }

    /** A PKCS#12 file holding the key and its certificate under {@code password}, as Key Vault's PFX export. */
    public static byte[] pkcs12(KeyPair key, X509Certificate certificate, String password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("graph", key.getPrivate(), password.toCharArray(), new Certificate[] {certificate});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password.toCharArray());
            return out.toByteArray();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** @param algorithm {@code SHA-1} for {@code x5t}, {@code SHA-256} for {@code x5t#S256} */
    public static Base64URL thumbprint(String algorithm, X509Certificate certificate) {
        try {
            return Base64URL.encode(MessageDigest.getInstance(algorithm).digest(certificate.getEncoded()));
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
