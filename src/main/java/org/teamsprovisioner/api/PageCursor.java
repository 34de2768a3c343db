package org.teamsprovisioner.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.teamsprovisioner.provisioning.TeamRequestStore.PageKey;

/**
 * Opaque page cursors: the position of the last item of a page, so a page is stable while new
 * requests arrive (keyset pagination, not offsets).
 */
final class PageCursor {

    private PageCursor() {
    }

    static String encode(PageKey key) {
        String raw = key.createdAt().getEpochSecond() + "." + key.createdAt().getNano() + "." + key.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static PageKey decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\.", 3);
            return new PageKey(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])), UUID.fromString(parts[2]));
        } catch (RuntimeException malformed) {
            throw new BadRequestException("/cursor", "is not a cursor returned by this API");
        }
    }
}
