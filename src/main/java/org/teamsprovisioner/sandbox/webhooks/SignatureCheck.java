package org.teamsprovisioner.sandbox.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a delivery's {@code webhook-signature} as the Standard Webhooks spec
 * (github.com/standard-webhooks/standard-webhooks, spec/standard-webhooks.md) asks a receiver to:
 * the HMAC-SHA256 of {@code {webhook-id}.{webhook-timestamp}.{raw body}} under the key, compared in
 * constant time with every {@code v1} signature of the space-separated list (a sender rotating its
 * secret sends two), and a timestamp within the tolerance of the clock either way, against replays.
 *
 * <p>The sandbox's own verifier, not the sender's signer: a receiver that reused the sender's code
 * would agree with it on any mistake.
 */
final class SignatureCheck {

    /** Verified, or not and why, for the delivery's record. */
    record Verdict(boolean valid, String reason) {

        static Verdict ok() {
            return new Verdict(true, null);
        }

        static Verdict failed(String reason) {
            return new Verdict(false, reason);
        }
    }

    private static final Pattern UNIX_SECONDS = Pattern.compile("[0-9]{1,18}");

    private SignatureCheck() {
    }

    static Verdict verify(byte[] key, String id, String timestamp, String signatures, byte[] body, Instant now,
            Duration tolerance) {
        if (id == null || id.isEmpty()) {
            return Verdict.failed("The delivery has no webhook-id header.");
        }
        if (timestamp == null || timestamp.isEmpty()) {
            return Verdict.failed("The delivery has no webhook-timestamp header.");
        }
        if (signatures == null || signatures.isBlank()) {
            return Verdict.failed("The delivery has no webhook-signature header.");
        }
        if (!UNIX_SECONDS.matcher(timestamp).matches()) {
            return Verdict.failed("webhook-timestamp '" + timestamp + "' is not a unix time in whole seconds.");
        }
        byte[] expected = hmac(key, id, timestamp, body);
        int tried = 0;
        boolean matched = false;
        for (String signature : signatures.strip().split(" +")) {
            int comma = signature.indexOf(',');
            if (comma < 0 || !"v1".equals(signature.substring(0, comma))) {
                continue; // v1a (asymmetric) and unknown versions are for other receivers.
            }
            tried++;
            byte[] given;
            try {
                given = Base64.getDecoder().decode(signature.substring(comma + 1));
            }
            catch (IllegalArgumentException ex) {
                continue;
            }
            // No early exit: which of the signatures matched must not show in the time taken either.
            matched |= MessageDigest.isEqual(expected, given);
        }
        if (tried == 0) {
            return Verdict.failed("webhook-signature holds no v1 signature ('v1,<base64>'): '" + signatures + "'.");
        }
        if (!matched) {
            return Verdict.failed((tried == 1 ? "The v1 signature is not" : "None of the " + tried + " v1 signatures is")
                    + " the HMAC-SHA256 of '{webhook-id}.{webhook-timestamp}.{raw body}' under this receiver's secret.");
        }
        long skew = now.getEpochSecond() - Long.parseLong(timestamp);
        if (Math.abs(skew) > tolerance.toSeconds()) {
            return Verdict.failed("webhook-timestamp " + timestamp + " is " + Math.abs(skew) + " s "
                    + (skew > 0 ? "before" : "after") + " the sandbox's clock (" + now.getEpochSecond()
                    + "), beyond the tolerance of " + tolerance.toSeconds() + " s.");
        }
        return Verdict.ok();
    }

    static byte[] hmac(byte[] key, String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Every JDK has HmacSHA256", ex);
        }
    }
}
