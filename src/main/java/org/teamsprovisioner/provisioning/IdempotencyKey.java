package org.teamsprovisioner.provisioning;

import java.util.regex.Pattern;

/**
 * An {@code Idempotency-Key} as a caller sent it, unquoted, with the fingerprint of the request it
 * came with. Keys are scoped to the caller: two callers may use the same key independently.
 *
 * @param caller the caller's stable id (Entra object id, or the token subject)
 * @param key the key; 1 to {@value #MAX_LENGTH} printable ASCII characters, as a Structured Field string may hold
 * @param fingerprint SHA-256 (hex) of the canonical request body, to tell a repeat from a different request
 */
public record IdempotencyKey(String caller, String key, String fingerprint) {

    /** Longest key accepted; UUIDs (36) and ULIDs (26), which the draft suggests, fit with room to spare. */
    public static final int MAX_LENGTH = 255;

    // sf-string characters (RFC 8941 3.3.3): printable ASCII, space included.
    private static final Pattern KEY = Pattern.compile("[\\x20-\\x7E]{1," + MAX_LENGTH + "}");
    private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");

    public IdempotencyKey {
        if (caller == null || caller.isBlank()) {
            throw new IllegalArgumentException("caller is required");
        }
        if (!isValidKey(key)) {
            throw new IllegalArgumentException("key must be 1 to " + MAX_LENGTH + " printable ASCII characters");
        }
        if (fingerprint == null || !SHA_256_HEX.matcher(fingerprint).matches()) {
            throw new IllegalArgumentException("fingerprint must be a SHA-256 hex digest");
        }
    }

    public static boolean isValidKey(String key) {
        return key != null && KEY.matcher(key).matches() && !key.isBlank();
    }
}
