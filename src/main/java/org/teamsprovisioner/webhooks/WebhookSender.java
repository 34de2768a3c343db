package org.teamsprovisioner.webhooks;

import java.net.URI;
import java.util.Map;
import reactor.core.publisher.Mono;

/** Sends one attempt (webhooks.delivery): resolves the host once, refuses internal addresses, follows no redirect. */
public interface WebhookSender {

    /** Never fails: a failure is a {@link Sent} without a status. */
    Mono<Sent> send(URI url, Map<String, String> headers, String body);

    /**
     * @param statusCode the receiver's status; null if it gave none
     * @param refused the address was refused before connecting (not retried: a URL that resolves inside
     *     the network is not a receiver having a bad minute)
     */
    record Sent(Integer statusCode, long latencyMs, String error, boolean refused) {

        public static Sent answered(int statusCode, long latencyMs) {
            return new Sent(statusCode, latencyMs, null, false);
        }

        public static Sent failed(String error, long latencyMs) {
            return new Sent(null, latencyMs, error, false);
        }

        public static Sent refusedBecause(String error) {
            return new Sent(null, 0, error, true);
        }
    }
}
