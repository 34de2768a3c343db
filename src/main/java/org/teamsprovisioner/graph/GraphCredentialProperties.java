package org.teamsprovisioner.graph;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the token request proves to Entra ID that it comes from the app registration
 * ({@code provisioner.graph.credential.*}).
 *
 * @param type {@code client-secret} (the default: {@code provisioner.graph.client-secret}), {@code certificate}
 *     (an assertion signed with the key of a certificate registered on the app) or {@code workload-identity} (the
 *     Kubernetes service account token that Azure AD workload identity projects into the pod, trusted by a
 *     federated identity credential of the app).
 * @param certificate The certificate and its private key, for type {@code certificate}.
 * @param workloadIdentity The projected service account token, for type {@code workload-identity}.
 */
public record GraphCredentialProperties(
        @NotNull @DefaultValue("client-secret") Type type,
        @NotNull @Valid @DefaultValue Certificate certificate,
        @NotNull @Valid @DefaultValue WorkloadIdentity workloadIdentity) {

    static final GraphCredentialProperties CLIENT_SECRET =
            new GraphCredentialProperties(Type.CLIENT_SECRET, new Certificate(null, null, null), new WorkloadIdentity(null));

    public enum Type {
        CLIENT_SECRET, CERTIFICATE, WORKLOAD_IDENTITY
    }

    /** The JWS algorithms Entra ID takes for certificate credentials; it recommends PS256. */
    public enum SigningAlgorithm {
        PS256, RS256
    }

    @AssertTrue(message = "provisioner.graph.credential.certificate.path is required when provisioner.graph.credential.type"
            + " is certificate")
    public boolean isCertificateSetForItsType() {
        return type != Type.CERTIFICATE || (certificate != null && certificate.path() != null);
    }

    @AssertTrue(message = "provisioner.graph.credential.workload-identity.token-file (env AZURE_FEDERATED_TOKEN_FILE, which"
            + " the workload identity webhook sets when the pod has the label azure.workload.identity/use: \"true\") is"
            + " required when provisioner.graph.credential.type is workload-identity")
    public boolean isTokenFileSetForItsType() {
        return type != Type.WORKLOAD_IDENTITY || (workloadIdentity != null && workloadIdentity.tokenFile() != null);
    }

    /**
     * @param path A PEM file with the PKCS#8 private key ({@code BEGIN PRIVATE KEY}, or {@code BEGIN ENCRYPTED PRIVATE
     *     KEY} with {@link #keyPassword}) and the certificate (first, or followed by its chain); or a PKCS#12 file
     *     ({@code .p12}/{@code .pfx}) holding both. Told apart by their content.
     * @param keyPassword The PKCS#12 file's password, or the encrypted PEM key's.
     * @param algorithm PS256 (default, Entra's recommendation) or RS256.
     */
    public record Certificate(Path path, String keyPassword, @DefaultValue("PS256") SigningAlgorithm algorithm) {

        public Certificate {
            keyPassword = keyPassword == null || keyPassword.isEmpty() ? null : keyPassword;
            algorithm = algorithm == null ? SigningAlgorithm.PS256 : algorithm;
        }

        @Override
        public String toString() {
            return "Certificate[path=" + path + ", keyPassword=" + mask(keyPassword) + ", algorithm=" + algorithm + "]";
        }
    }

    /**
     * @param tokenFile The projected service account token, read again for every token request (kubelet replaces it
     *     well before it expires). Defaults to {@code AZURE_FEDERATED_TOKEN_FILE}.
     */
    public record WorkloadIdentity(Path tokenFile) {
    }

    static String mask(String secret) {
        return secret == null ? "null" : "******";
    }
}
