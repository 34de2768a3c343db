package org.teamsprovisioner.sandbox.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Deliveries every verifier must judge alike, the docs' snippets and the sandbox's own: signed
 * independently ({@link WebhookSigning}), relative to {@code now} with a minute of slack either side
 * of the 5-minute tolerance, so that a verifier reading its own clock a little later agrees.
 */
final class SignatureCases {

    record Case(String name, String secret, String id, String timestamp, String signatures, byte[] body,
            boolean valid) {

        @Override
        public String toString() {
            return name;
        }
    }

    private SignatureCases() {
    }

    static List<Case> at(Instant now) {
        String secret = WebhookSigning.SECRET;
        String id = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W";
        long ts = now.getEpochSecond();
        byte[] body = WebhookSigning.event(id, "succeeded", "83b87f03-a337-4b7b-ab9c-5b6036ab5fec")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("SUCCEEDED", "FAILED")
                .getBytes(StandardCharsets.UTF_8);
        String valid = WebhookSigning.signature(secret, id, ts, body);
        String old = WebhookSigning.signature(WebhookSigning.OTHER_SECRET, id, ts, body);
        long fourMinutesAgo = ts - 240;
        long sixMinutesAgo = ts - 360;
        long sixMinutesAhead = ts + 360;
        return List.of(
                new Case("a signature of the body", secret, id, Long.toString(ts), valid, body, true),
                new Case("the body changed after signing", secret, id, Long.toString(ts), valid, tampered, false),
                new Case("the timestamp changed after signing", secret, id, Long.toString(ts + 1), valid, body, false),
                new Case("the id changed after signing", secret, "msg_other", Long.toString(ts), valid, body, false),
                new Case("signed four minutes ago", secret, id, Long.toString(fourMinutesAgo),
                        WebhookSigning.signature(secret, id, fourMinutesAgo, body), body, true),
                new Case("signed six minutes ago (expired)", secret, id, Long.toString(sixMinutesAgo),
                        WebhookSigning.signature(secret, id, sixMinutesAgo, body), body, false),
                new Case("signed six minutes ahead", secret, id, Long.toString(sixMinutesAhead),
                        WebhookSigning.signature(secret, id, sixMinutesAhead, body), body, false),
                new Case("rotation: old then new signature", secret, id, Long.toString(ts), old + " " + valid, body, true),
                new Case("rotation: new then old signature", secret, id, Long.toString(ts), valid + " " + old, body, true),
                new Case("rotation: only the other secret's signature", secret, id, Long.toString(ts), old, body, false),
                new Case("an asymmetric v1a entry beside the v1", secret, id, Long.toString(ts),
                        "v1a,hnO3f9T8Ytu9HwrXslvumlUpqtNVqkhqw/enGzPCXe5BdqzCInXqYXFymVJaA7AZdpXwVLPo3mNl8EM+m7TBAg== " + valid,
                        body, true),
                new Case("a signature that is not base64 beside the valid one", secret, id, Long.toString(ts),
                        "v1,not*base64 " + valid, body, true),
                new Case("the signature without its v1 prefix", secret, id, Long.toString(ts), valid.substring(3), body, false),
                new Case("no signature header", secret, id, Long.toString(ts), null, body, false),
                new Case("no timestamp header", secret, id, null, valid, body, false),
                new Case("a timestamp that is not unix seconds", secret, id, now.toString(), valid, body, false));
    }
}
