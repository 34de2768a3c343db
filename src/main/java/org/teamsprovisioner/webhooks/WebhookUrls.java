package org.teamsprovisioner.webhooks;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * What a subscription's URL must be before anything is sent to it: absolute, https (unless
 * {@code allow-http}), no user info (a credential in a URL ends up in logs), and no literal address
 * the delivery would refuse. Host names are checked again at every delivery, once resolved
 * ({@code webhooks.delivery}): what a name resolves to can change.
 */
public final class WebhookUrls {

    private final boolean allowHttp;
    private final Networks networks;

    public WebhookUrls(boolean allowHttp, Networks networks) {
        this.allowHttp = allowHttp;
        this.networks = networks;
    }

    public URI check(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidWebhookException("/url", "is required");
        }
        if (url.length() > 2000) {
            throw new InvalidWebhookException("/url", "must be at most 2000 characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException bad) {
            throw new InvalidWebhookException("/url", "is not a URL: " + bad.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw new InvalidWebhookException("/url", allowHttp ? "must be an http or https URL" : "must be an https URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidWebhookException("/url", "must not carry user info (a credential in a URL is logged everywhere)");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new InvalidWebhookException("/url", "must name a host");
        }
        if (uri.getRawFragment() != null) {
            throw new InvalidWebhookException("/url", "must not have a fragment");
        }
        String host = uri.getHost();
        if (isLiteral(host)) {
            try {
                String refusal = networks.refusal(InetAddress.getByName(host.replace("[", "").replace("]", "")));
                if (refusal != null) {
                    throw new InvalidWebhookException("/url", "is refused: " + refusal + " (provisioner.webhooks.allowed-networks)");
                }
            } catch (UnknownHostException notAnAddress) {
                throw new InvalidWebhookException("/url", "has an unreadable address");
            }
        }
        return uri;
    }

    /** A literal IPv4 or IPv6 address: checked now, no name lookup needed. */
    static boolean isLiteral(String host) {
        return host.startsWith("[") || host.matches("[0-9.]+");
    }
}
