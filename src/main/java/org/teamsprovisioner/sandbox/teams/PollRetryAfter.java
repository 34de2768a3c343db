package org.teamsprovisioner.sandbox.teams;

import java.time.Duration;
import java.time.Instant;

import org.springframework.http.HttpHeaders;
import org.teamsprovisioner.sandbox.settings.SandboxProperties;
import org.teamsprovisioner.sandbox.tenant.OperationStatus;
import org.teamsprovisioner.sandbox.tenant.OperationTimeline;
import org.teamsprovisioner.sandbox.throttling.RetryAfterFormat;

/**
 * The optional {@code Retry-After} on a teamsAsyncOperation poll
 * ({@code provisioner.sandbox.operations.poll-retry-after}). Graph's Create team and Get
 * teamsAsyncOperation docs show no such header, so the default sends none; a test that wants to
 * prove its client honours a server-suggested polling interval (the convention of Microsoft's
 * long-running-operation APIs, where Retry-After "indicates how long the client should wait
 * before polling the operation status") switches it on. It is sent only while the operation
 * has not ended: a client must stop polling, not wait, once it has succeeded or failed.
 */
final class PollRetryAfter {

    private final Duration wait;
    private final SandboxProperties.RetryAfterForm form;

    PollRetryAfter(Duration wait, SandboxProperties.RetryAfterForm form) {
        this.wait = wait;
        this.form = form;
    }

    /** In the form {@code throttling.retry-after} selects, so one setting shapes every Retry-After. */
    static PollRetryAfter of(SandboxProperties properties) {
        return new PollRetryAfter(properties.operations().pollRetryAfter(), properties.throttling().retryAfter());
    }

    /** The headers to add to a poll answered at {@code now}; none when off or when the operation has ended. */
    HttpHeaders headers(OperationTimeline.Snapshot snapshot, Instant now) {
        HttpHeaders headers = new HttpHeaders();
        boolean running = snapshot.status() == OperationStatus.NOT_STARTED
                || snapshot.status() == OperationStatus.IN_PROGRESS;
        if (!wait.isZero() && running) {
            headers.set(HttpHeaders.RETRY_AFTER, RetryAfterFormat.format(form, wait, now));
        }
        return headers;
    }
}
