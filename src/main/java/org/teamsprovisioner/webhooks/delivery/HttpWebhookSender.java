package org.teamsprovisioner.webhooks.delivery;

import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;
import org.teamsprovisioner.webhooks.Networks;
import org.teamsprovisioner.webhooks.WebhookProperties;
import org.teamsprovisioner.webhooks.WebhookSender;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.ByteBufMono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * One attempt over HTTP. The host is resolved once, here; every address it resolves to must pass
 * {@link Networks} (a name that also resolves inside the network is refused, so DNS round robin
 * cannot slip one in), and the connection goes to the checked address, never resolved again: a
 * second lookup could answer otherwise (DNS rebinding). The {@code Host} header and TLS (SNI and the
 * certificate's name check) keep the URL's host. Redirects are not followed: a 3xx is an answer
 * that did not deliver.
 */
@Component
class HttpWebhookSender implements WebhookSender {

    private final HttpClient base;
    private final Networks networks;
    private final Duration timeout;

    HttpWebhookSender(WebhookProperties properties) {
        this.networks = new Networks(properties.allowedNetworks());
        this.timeout = properties.timeout();
        ConnectionProvider pool = ConnectionProvider.builder("webhooks")
                .maxConnections(Math.max(16, properties.threads() * 4))
                .pendingAcquireTimeout(properties.timeout())
                .maxIdleTime(Duration.ofSeconds(30))
                .build();
        this.base = HttpClient.create(pool)
                .followRedirect(false)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .responseTimeout(timeout);
    }

    @Override
    public Mono<Sent> send(URI url, Map<String, String> headers, String body) {
        long start = System.nanoTime();
        String host = url.getHost().startsWith("[") ? url.getHost().substring(1, url.getHost().length() - 1) : url.getHost();
        boolean https = "https".equals(url.getScheme().toLowerCase(Locale.ROOT));
        int port = url.getPort() != -1 ? url.getPort() : https ? 443 : 80;
        return Mono.fromCallable(() -> InetAddress.getAllByName(host))
                // The JDK's resolver blocks; off the caller's thread, and only once per attempt.
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(addresses -> {
                    for (InetAddress address : addresses) {
                        String refusal = networks.refusal(address);
                        if (refusal != null) {
                            return Mono.just(Sent.refusedBecause("refused: " + host + " resolves to " + refusal
                                    + " (provisioner.webhooks.allowed-networks)"));
                        }
                    }
                    InetAddress checked;
                    try {
                        // The checked bytes, named after the URL's host: TLS takes its SNI and name check from it.
                        checked = InetAddress.getByAddress(host, addresses[0].getAddress());
                    } catch (UnknownHostException impossible) {
                        return Mono.just(Sent.failed("unusable address for " + host, elapsed(start)));
                    }
                    return post(https, new InetSocketAddress(checked, port), url, headers, body)
                            .map(code -> Sent.answered(code, elapsed(start)));
                })
                .onErrorResume(error -> Mono.just(Sent.failed(describe(error, host), elapsed(start))));
    }

    private Mono<Integer> post(boolean https, InetSocketAddress target, URI url, Map<String, String> headers, String body) {
        HttpClient client = base.remoteAddress(() -> target);
        if (https) {
            client = client.secure();
        }
        String path = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        String hostHeader = url.getPort() == -1 ? url.getHost() : url.getHost() + ":" + url.getPort();
        return client.headers(h -> {
                    headers.forEach(h::set);
                    h.set(HttpHeaderNames.HOST, hostHeader);
                    // CloudEvents JSON format, structured mode (its section 3): the whole event is the body.
                    h.set(HttpHeaderNames.CONTENT_TYPE, "application/cloudevents+json; charset=utf-8");
                    h.set(HttpHeaderNames.USER_AGENT, "teams-provisioner-webhooks/1");
                })
                // A path, not the URL: with a whole URL Reactor Netty would resolve its host again.
                .post().uri(path)
                .send(ByteBufMono.fromString(Mono.just(body)))
                // The body is read and dropped (it may not be kept alive otherwise); the timeout bounds a never-ending one.
                .responseSingle((response, content) -> content.asString().defaultIfEmpty("").thenReturn(response.status().code()))
                .timeout(timeout);
    }

    private String describe(Throwable error, String host) {
        if (error instanceof UnknownHostException) {
            return "cannot resolve " + host;
        }
        if (error instanceof TimeoutException || error.getClass().getSimpleName().contains("Timeout")) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        String message = error.getMessage();
        return "connection failed: " + error.getClass().getSimpleName() + (message == null ? "" : " " + message);
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
