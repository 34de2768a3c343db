package org.teamsprovisioner.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OutputEncryptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teamsprovisioner.support.TestCertificates;

/** The certificate credential's files as Key Vault and openssl write them, and the mistakes made with them. */
class CertificateCredentialKeyTest {

    private static final KeyPair KEY = TestCertificates.rsa();
    private static final X509Certificate CERTIFICATE = TestCertificates.selfSigned(KEY, Instant.now());

    @TempDir
    private Path files;

    private static CertificateCredentialKey load(Path file, String password) {
        return CertificateCredentialKey.load(new GraphCredentialProperties.Certificate(file, password, null));
    }

    @Test
    void anEncryptedPemKeyIsReadWithItsPasswordAndTheThumbprintIsTheCertificates() throws Exception {
        // openssl pkcs8 -topk8 -v2 aes-256-cbc: PBES2 with PBKDF2 and AES-256-CBC; BouncyCastle writes it, the JDK reads it.
        OutputEncryptor encryptor = new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                .setProvider(new BouncyCastleProvider()).setPassword("pem-password".toCharArray()).build();
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(new JcaPKCS8Generator(KEY.getPrivate(), encryptor));
        }
        Path file = Files.writeString(files.resolve("graph.pem"), pem + TestCertificates.pem(CERTIFICATE));

        CertificateCredentialKey loaded = load(file, "pem-password");

        assertThat(loaded.privateKey()).isEqualTo(KEY.getPrivate());
        assertThat(loaded.sha256Thumbprint()).isEqualTo(TestCertificates.thumbprint("SHA-256", CERTIFICATE));
        assertThat(loaded.toString()).doesNotContain(TestCertificates.pem(KEY).substring(40, 100));
    }

    @Test
    void theCertificateOfTheKeyIsFoundAmongTheChain() throws IOException {
        KeyPair issuer = TestCertificates.rsa();
        Path file = Files.writeString(files.resolve("chain.pem"), TestCertificates.pem(KEY)
                + TestCertificates.pem(TestCertificates.selfSigned(issuer, Instant.now())) + TestCertificates.pem(CERTIFICATE));

        assertThat(load(file, null).certificate()).isEqualTo(CERTIFICATE);
    }

    @Test
    void aKeyWithoutItsCertificateStopsTheServiceSayingSo() throws IOException {
        Path file = Files.writeString(files.resolve("mixed.pem"),
                TestCertificates.pem(TestCertificates.rsa()) + TestCertificates.pem(CERTIFICATE));

        assertThat(catchThrowable(() -> load(file, null))).hasMessage(
                "provisioner.graph.credential.certificate.path '" + file + "': holds no certificate of its private key");
    }

    @Test
    void aWrongPkcs12PasswordStopsTheServiceWithoutPrintingAnyPassword() throws IOException {
        Path file = Files.write(files.resolve("graph.pfx"), TestCertificates.pkcs12(KEY, CERTIFICATE, "the-right-one"));

        Throwable failure = catchThrowable(() -> load(file, "the-wrong-one"));

        assertThat(failure).hasMessageStartingWith("provisioner.graph.credential.certificate.path '" + file + "': ");
        assertThat(failure).hasStackTraceContaining("password");
        assertThat(failure.getMessage()).doesNotContain("the-right-one", "the-wrong-one");
    }
}
