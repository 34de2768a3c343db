package org.teamsprovisioner.sandbox.webhooks;

import java.util.Base64;

/**
 * A Standard Webhooks symmetric secret, {@code whsec_} followed by the base64 of the key. The spec
 * asks for a random key of 24 to 64 bytes (192 to 512 bits); one outside that range is refused, so a
 * sender's secret generator is caught here rather than by a portal.
 */
final class WebhookSecret {

    static final String PREFIX = "whsec_";
    static final int MIN_KEY_BYTES = 24;
    static final int MAX_KEY_BYTES = 64;

    private WebhookSecret() {
    }

    /** @throws WebhookProblem 400 for anything but a well-formed secret */
    static byte[] key(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            throw WebhookProblem.badRequest("'secret' must be a Standard Webhooks secret: 'whsec_' followed by the"
                    + " base64 of a 24 to 64 byte key.");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        }
        catch (IllegalArgumentException ex) {
            throw WebhookProblem.badRequest("The part of 'secret' after 'whsec_' is not base64: " + ex.getMessage());
        }
        if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) {
            throw WebhookProblem.badRequest("The key of 'secret' has " + key.length + " bytes; Standard Webhooks asks for "
                    + MIN_KEY_BYTES + " to " + MAX_KEY_BYTES + ".");
        }
        return key;
    }
}
