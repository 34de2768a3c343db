package org.teamsprovisioner.sandbox.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.Function;
import java.util.function.Supplier;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.teamsprovisioner.sandbox.http.SandboxJson;
import org.teamsprovisioner.sandbox.settings.SandboxProperties;

/**
 * The receiver's endpoints: {@code POST /sandbox/webhooks/{name}} takes a delivery, {@code GET
 * /sandbox/webhooks/_state} and {@code GET /sandbox/webhooks/{name}} show what arrived, {@code PUT}
 * and {@code DELETE} of {@code {name}/_behaviour} and {@code {name}/_secret} set how a name answers
 * and checks, and {@code DELETE /sandbox/webhooks/{name}} forgets it. Unauthenticated, like the rest
 * of {@code /sandbox/**}: it stands for a portal's public endpoint, whose only proof of the sender
 * is the signature. Bad input gets an RFC 9457 problem.
 */
public final class WebhooksHandler {

    static final MediaType CLOUDEVENTS_JSON = MediaType.parseMediaType("application/cloudevents+json");

    /** The controls' bodies are a few fields; anything longer is a mistake. */
    private static final int MAX_CONTROL_BYTES = 16 * 1024;

    private final WebhookReceivers receivers;
    private final SandboxProperties.Webhooks settings;
    private final Clock clock;

    public WebhooksHandler(WebhookReceivers receivers, SandboxProperties.Webhooks settings, Clock clock) {
        this.receivers = receivers;
        this.settings = settings;
        this.clock = clock;
    }

    public Mono<ServerResponse> receive(ServerRequest request) {
        return handle(() -> {
            Receiver receiver = receivers.obtain(request.pathVariable("name"));
            HttpHeaders headers = request.headers().asHttpHeaders();
            String contentType = headers.getFirst(HttpHeaders.CONTENT_TYPE);
            Function<byte[], Receiver.Incoming> incoming = body -> new Receiver.Incoming(contentType,
                    contentTypeProblem(contentType), headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                    headers.getFirst("webhook-signature"), body);
            return body(request, (int) settings.maxBodySize().toBytes())
                    .map(body -> receiver.receive(incoming.apply(body), clock.instant()))
                    .onErrorResume(DataBufferLimitException.class, ex -> Mono.just(receiver.tooLarge(incoming.apply(null),
                            clock.instant(), "The body is larger than " + settings.maxBodySize()
                                    + " (provisioner.sandbox.webhooks.max-body-size).")))
                    .flatMap(WebhooksHandler::answer);
        });
    }

    public Mono<ServerResponse> state(ServerRequest request) {
        ObjectNode json = SandboxJson.object().put("now", clock.instant().toString());
        receivers.write(json.putObject("receivers"));
        return json(json);
    }

    public Mono<ServerResponse> receiver(ServerRequest request) {
        return handle(() -> {
            String name = request.pathVariable("name");
            Receiver receiver = receivers.existing(name).orElseThrow(() -> new WebhookProblem(HttpStatus.NOT_FOUND,
                    "No receiver '" + name + "': nothing was delivered to it or set for it since it was last deleted."));
            return written(receiver);
        });
    }

    public Mono<ServerResponse> putBehaviour(ServerRequest request) {
        return handle(() -> {
            Receiver receiver = receivers.obtain(request.pathVariable("name"));
            return control(request).flatMap(body -> {
                receiver.behaviour(Behaviour.parse(body));
                return written(receiver);
            });
        });
    }

    public Mono<ServerResponse> deleteBehaviour(ServerRequest request) {
        return handle(() -> {
            receivers.existing(request.pathVariable("name")).ifPresent(receiver -> receiver.behaviour(null));
            return ServerResponse.noContent().build();
        });
    }

    public Mono<ServerResponse> putSecret(ServerRequest request) {
        return handle(() -> {
            Receiver receiver = receivers.obtain(request.pathVariable("name"));
            return control(request).flatMap(body -> {
                receiver.secret(WebhookSecret.key(secretField(body)));
                return written(receiver);
            });
        });
    }

    public Mono<ServerResponse> deleteSecret(ServerRequest request) {
        return handle(() -> {
            receivers.existing(request.pathVariable("name")).ifPresent(receiver -> receiver.secret(null));
            return ServerResponse.noContent().build();
        });
    }

    public Mono<ServerResponse> delete(ServerRequest request) {
        return handle(() -> {
            receivers.delete(request.pathVariable("name"));
            return ServerResponse.noContent().build();
        });
    }

    /** Anything else under /sandbox/webhooks: 405 on the receiver's own paths, 404 elsewhere. */
    public Mono<ServerResponse> unmatched(ServerRequest request) {
        String rest = request.path().substring(request.path().indexOf("/webhooks") + "/webhooks".length());
        boolean known = rest.matches("/[^/]+(/_behaviour|/_secret)?/?");
        String detail = "The sandbox's webhook receiver has no " + request.method().name() + " " + request.path()
                + "; see docs/sandbox.md.";
        return problem(known ? HttpStatus.METHOD_NOT_ALLOWED : HttpStatus.NOT_FOUND, detail);
    }

    private static String contentTypeProblem(String contentType) {
        String expected = "; a CloudEvent in structured mode is sent as application/cloudevents+json (application/json"
                + " is accepted too).";
        if (contentType == null) {
            return "The delivery has no Content-Type" + expected;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            if (type.equalsTypeAndSubtype(CLOUDEVENTS_JSON) || type.equalsTypeAndSubtype(MediaType.APPLICATION_JSON)) {
                return null;
            }
        }
        catch (InvalidMediaTypeException ex) {
            // Reported as unsupported below, with the header as sent.
        }
        return "Content-Type '" + contentType + "' is not supported" + expected;
    }

    private static Mono<ServerResponse> answer(Receiver.Answer answer) {
        Mono<ServerResponse> response = answer.detail() != null ? problem(HttpStatus.valueOf(answer.status()), answer.detail())
                : ServerResponse.status(answer.status())
                        .headers(headers -> {
                            if (answer.retryAfter() != null) {
                                headers.set(HttpHeaders.RETRY_AFTER, answer.retryAfter());
                            }
                        })
                        .build();
        // Mono.delay waits on a timer, not on a thread: a slow answer costs the server nothing.
        return answer.delay().isZero() ? response : Mono.delay(answer.delay()).then(response);
    }

    private static String secretField(String body) {
        try {
            JsonNode json = SandboxJson.read(body);
            if (json != null && json.isObject() && json.path("secret").isString() && json.size() == 1) {
                return json.get("secret").stringValue();
            }
        }
        catch (JacksonException ex) {
            // Answered below like any other malformed body.
        }
        throw WebhookProblem.badRequest("The body must be {\"secret\":\"whsec_...\"} and nothing else.");
    }

    private static Mono<byte[]> body(ServerRequest request, int maxBytes) {
        return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), maxBytes)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0]);
    }

    private static Mono<String> control(ServerRequest request) {
        return body(request, MAX_CONTROL_BYTES)
                .onErrorMap(DataBufferLimitException.class,
                        ex -> new WebhookProblem(HttpStatus.CONTENT_TOO_LARGE, "The body is over " + MAX_CONTROL_BYTES + " bytes."))
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    private static Mono<ServerResponse> written(Receiver receiver) {
        ObjectNode json = SandboxJson.object();
        receiver.write(json);
        return json(json);
    }

    private static Mono<ServerResponse> json(ObjectNode json) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(SandboxJson.write(json));
    }

    private static Mono<ServerResponse> handle(Supplier<Mono<ServerResponse>> handler) {
        return Mono.defer(handler).onErrorResume(WebhookProblem.class, ex -> problem(ex.status(), ex.getMessage()));
    }

    /** RFC 9457 problem details, as the sandbox's token endpoint and the service answer errors. */
    private static Mono<ServerResponse> problem(HttpStatus status, String detail) {
        ObjectNode body = SandboxJson.object()
                .put("type", "about:blank")
                .put("title", status.getReasonPhrase())
                .put("status", status.value())
                .put("detail", detail);
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).bodyValue(SandboxJson.write(body));
    }
}
