package org.teamsprovisioner.sandbox.webhooks;

import java.time.Duration;
import java.time.Instant;

import tools.jackson.databind.node.ObjectNode;

/**
 * One delivery as a receiver recorded it: what arrived, what the receiver made of it and what it
 * answered. {@code signature} is null when the receiver had no secret to check it with; {@code body}
 * is null when it was larger than the receiver keeps.
 */
record Delivery(long sequence, Instant received, String contentType, String webhookId, String webhookTimestamp,
        String webhookSignature, CloudEventAttributes event, String eventProblem, SignatureCheck.Verdict signature,
        int status, String detail, Duration delay, String body) {

    void write(ObjectNode json) {
        json.put("sequence", sequence)
                .put("receivedDateTime", received.toString())
                .put("contentType", contentType)
                .put("webhookId", webhookId)
                .put("webhookTimestamp", webhookTimestamp)
                .put("webhookSignature", webhookSignature);
        if (event != null) {
            event.write(json.putObject("event"));
        }
        else {
            json.putNull("event");
            json.put("eventProblem", eventProblem);
        }
        ObjectNode check = json.putObject("signature").put("checked", signature != null);
        if (signature != null) {
            check.put("valid", signature.valid()).put("reason", signature.reason());
        }
        json.put("status", status).put("detail", detail).put("delay", delay.toString()).put("body", body);
    }
}
