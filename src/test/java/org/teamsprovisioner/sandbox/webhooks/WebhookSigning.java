package org.teamsprovisioner.sandbox.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A sender's side of Standard Webhooks, written from the spec for the tests alone, so that a
 * verifier under test is never checked against itself.
 */
final class WebhookSigning {

    /** 32 bytes of key; any 24 to 64 bytes would do. */
    static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(
            "receiver-test-key-0123456789abcd".getBytes(StandardCharsets.US_ASCII));
    static final String OTHER_SECRET = "whsec_" + Base64.getEncoder().encodeToString(
            "an-older-secret-being-rotated-ou".getBytes(StandardCharsets.US_ASCII));

    private WebhookSigning() {
    }

    /** {@code v1,<base64 HMAC-SHA256(key, id.timestamp.body)>}. */
    static String signature(String secret, String id, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
            byte[] signed = new byte[prefix.length + body.length];
            System.arraycopy(prefix, 0, signed, 0, prefix.length);
            System.arraycopy(body, 0, signed, prefix.length, body.length);
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A CloudEvent as the service's sender will send it. */
    static String event(String id, String type, String subject) {
        return """
                {"specversion":"1.0","id":"%s","source":"urn:teams-provisioner:test","type":"org.teamsprovisioner.teamrequest.%s",\
                "time":"2026-03-02T09:00:00Z","subject":"%s","datacontenttype":"application/json",\
                "data":{"id":"%s","status":"SUCCEEDED","displayName":"Zürich Ops"}}""".formatted(id, type, subject, subject);
    }
}
