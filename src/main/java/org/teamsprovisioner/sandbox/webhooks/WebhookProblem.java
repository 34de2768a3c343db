package org.teamsprovisioner.sandbox.webhooks;

import org.springframework.http.HttpStatus;

/**
 * Bad input to the receiver or its controls, answered as an RFC 9457 problem (the format the
 * service itself answers errors in) by {@link WebhooksHandler}.
 */
final class WebhookProblem extends RuntimeException {

    private final HttpStatus status;

    WebhookProblem(HttpStatus status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }

    static WebhookProblem badRequest(String detail) {
        return new WebhookProblem(HttpStatus.BAD_REQUEST, detail);
    }
}
