package org.teamsprovisioner.sandbox.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;

/**
 * One name's endpoint: its secret, its pending behaviour and its last deliveries. Every method holds
 * the receiver's lock, so concurrent deliveries each take their own turn of the behaviour and their
 * own sequence number, and the history never grows past its bound.
 */
final class Receiver {

    /** A delivery as it arrived, before the receiver judges it. */
    record Incoming(String contentType, String contentTypeProblem, String webhookId, String webhookTimestamp,
            String webhookSignature, byte[] body) {
    }

    /** What to answer: a status (with a problem's detail when the delivery was refused), after a delay. */
    record Answer(int status, String detail, Duration delay, String retryAfter) {
    }

    private final int history;
    private final Duration tolerance;
    private final Deque<Delivery> deliveries = new ArrayDeque<>();
    private long received;
    private byte[] key;
    private Behaviour behaviour;

    Receiver(int history, Duration tolerance) {
        this.history = history;
        this.tolerance = tolerance;
    }

    synchronized Answer receive(Incoming incoming, Instant now) {
        SignatureCheck.Verdict verdict = key == null ? null : SignatureCheck.verify(key, incoming.webhookId(),
                incoming.webhookTimestamp(), incoming.webhookSignature(), incoming.body(), now, tolerance);
        CloudEventAttributes.Reading reading = CloudEventAttributes.read(incoming.body());
        Answer answer = answer(incoming, verdict, reading);
        received++;
        record(new Delivery(received, now, incoming.contentType(), incoming.webhookId(), incoming.webhookTimestamp(),
                incoming.webhookSignature(), reading.event(), reading.problem(), verdict, answer.status(),
                answer.detail(), answer.delay(), new String(incoming.body(), StandardCharsets.UTF_8)));
        return answer;
    }

    /**
     * Refusals first, in the order a careful portal checks (media type, then who sent it, then what
     * it says), and only a well-formed, authentic delivery takes a turn of the behaviour: a test
     * that asks for two 503s gets them for the sender's two next real attempts.
     */
    private Answer answer(Incoming incoming, SignatureCheck.Verdict verdict, CloudEventAttributes.Reading reading) {
        if (incoming.contentTypeProblem() != null) {
            return refusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, incoming.contentTypeProblem());
        }
        if (verdict != null && !verdict.valid()) {
            return refusal(HttpStatus.UNAUTHORIZED, verdict.reason());
        }
        if (reading.event() == null) {
            return refusal(HttpStatus.BAD_REQUEST, reading.problem());
        }
        if (behaviour == null || behaviour.times() == 0) {
            return new Answer(HttpStatus.NO_CONTENT.value(), null, Duration.ZERO, null);
        }
        Answer answer = new Answer(behaviour.status(), null, behaviour.delay(), behaviour.retryAfter());
        behaviour = new Behaviour(behaviour.status(), behaviour.times() - 1, behaviour.delay(), behaviour.retryAfter());
        return answer;
    }

    private static Answer refusal(HttpStatus status, String detail) {
        return new Answer(status.value(), detail, Duration.ZERO, null);
    }

    /** A delivery whose body was over the limit: recorded without the body, answered 413. */
    synchronized Answer tooLarge(Incoming incoming, Instant now, String detail) {
        received++;
        record(new Delivery(received, now, incoming.contentType(), incoming.webhookId(), incoming.webhookTimestamp(),
                incoming.webhookSignature(), null, detail, null, HttpStatus.CONTENT_TOO_LARGE.value(), detail,
                Duration.ZERO, null));
        return refusal(HttpStatus.CONTENT_TOO_LARGE, detail);
    }

    private void record(Delivery delivery) {
        deliveries.addLast(delivery);
        while (deliveries.size() > history) {
            deliveries.removeFirst();
        }
    }

    synchronized void secret(byte[] key) {
        this.key = key == null ? null : key.clone();
    }

    synchronized void behaviour(Behaviour behaviour) {
        this.behaviour = behaviour;
    }

    synchronized void write(ObjectNode json) {
        json.put("received", received).put("secret", key != null);
        if (behaviour == null || behaviour.times() == 0) {
            json.putNull("behaviour");
        }
        else {
            behaviour.write(json.putObject("behaviour"));
        }
        ArrayNode array = json.putArray("deliveries");
        deliveries.forEach(delivery -> delivery.write(array.addObject()));
    }
}
