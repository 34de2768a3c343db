package org.teamsprovisioner.graph;

import com.nimbusds.jose.util.Base64URL;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Collections;
import java.util.List;
import org.springframework.boot.ssl.pem.PemContent;

/**
 * The certificate registered on the app and its private key, read once at start from a PEM file (PKCS#8 key and
 * the certificate, possibly followed by its chain) or a PKCS#12 file, as Key Vault and openssl export them. Entra
 * takes RSA keys only. A key that does not belong to the certificate is refused here, where the message can say so,
 * rather than by Entra as a signature mismatch.
 */
record CertificateCredentialKey(RSAPrivateKey privateKey, X509Certificate certificate, Base64URL sha256Thumbprint) {

    private static final String SETTING = "provisioner.graph.credential.certificate.path";

    /** Never the key: a record would print it. */
    @Override
    public String toString() {
        return "CertificateCredentialKey[certificate=" + certificate.getSubjectX500Principal() + ", x5t#S256="
                + sha256Thumbprint + "]";
    }

    static CertificateCredentialKey load(GraphCredentialProperties.Certificate settings) {
        Path path = settings.path();
        try {
            byte[] content = Files.readAllBytes(path);
            String text = new String(content, StandardCharsets.US_ASCII);
            return PemContent.isPresentInText(text) ? fromPem(text, settings.keyPassword())
                    : fromPkcs12(content, settings.keyPassword());
        }
        catch (IOException | GeneralSecurityException | IllegalStateException ex) {
            // The message names the file and the cause, never the password or the key.
            throw new IllegalStateException(SETTING + " '" + path + "': " + ex.getMessage(), ex);
        }
    }

    private static CertificateCredentialKey fromPem(String text, String password) throws GeneralSecurityException {
        PemContent pem = PemContent.of(text);
        PrivateKey key = pem.getPrivateKey(password);
        if (key == null) {
            throw new IllegalStateException("holds no private key (BEGIN PRIVATE KEY or BEGIN ENCRYPTED PRIVATE KEY)");
        }
        return of(key, pem.getCertificates());
    }

    private static CertificateCredentialKey fromPkcs12(byte[] content, String password)
            throws GeneralSecurityException, IOException {
        char[] secret = password == null ? new char[0] : password.toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(content), secret);
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                Certificate[] chain = store.getCertificateChain(alias);
                return of((PrivateKey) store.getKey(alias, secret),
                        chain == null ? List.of() : List.of(chain).stream().map(X509Certificate.class::cast).toList());
            }
        }
        throw new IllegalStateException("is neither PEM nor a PKCS#12 file with a private key");
    }

    private static CertificateCredentialKey of(PrivateKey key, List<X509Certificate> certificates) throws GeneralSecurityException {
        if (!(key instanceof RSAPrivateCrtKey rsa)) {
            throw new IllegalStateException("the private key is " + key.getAlgorithm() + "; Entra ID takes RSA certificates only");
        }
        X509Certificate certificate = certificates.stream()
                .filter(candidate -> candidate.getPublicKey() instanceof RSAPublicKey pub
                        && pub.getModulus().equals(rsa.getModulus()) && pub.getPublicExponent().equals(rsa.getPublicExponent()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(certificates.isEmpty() ? "holds no certificate"
                        : "holds no certificate of its private key"));
        return new CertificateCredentialKey(rsa, certificate,
                Base64URL.encode(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded())));
    }
}
