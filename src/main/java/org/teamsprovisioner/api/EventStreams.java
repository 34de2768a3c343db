package org.teamsprovisioner.api;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The live event streams this replica holds open: how many each caller has, their heartbeat, and
 * their end on shutdown. Streams end before the web server's graceful shutdown begins (this stops in
 * a later lifecycle phase than it), so they do not hold it up to its timeout; clients reconnect to
 * another replica with {@code Last-Event-ID} and lose nothing.
 */
@Component
class EventStreams implements SmartLifecycle {

    private final EventStreamProperties properties;
    private final ConcurrentHashMap<String, AtomicInteger> perCaller = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    // A fresh one per start: a stopped context can be started again, and its new streams must not end at once.
    private volatile Sinks.Empty<Void> shutdown = Sinks.empty();
    private volatile boolean running;

    EventStreams(EventStreamProperties properties) {
        this.properties = properties;
    }

    /**
     * Admits one more stream of {@code caller} or refuses it (429 over the caller's cap, 503 over the
     * replica's or while shutting down), before anything is sent; the stream counts until it ends.
     *
     * @param events the stream's events; it ends when they do
     */
    <T> Flux<ServerSentEvent<T>> open(String caller, Flux<ServerSentEvent<T>> events) {
        if (!running) {
            throw unavailable("This replica is shutting down; connect again (another replica will answer).");
        }
        AtomicInteger mine = perCaller.computeIfAbsent(caller, id -> new AtomicInteger());
        if (mine.incrementAndGet() > properties.perCaller()) {
            release(caller, mine, false);
            throw TooManyRequestsException.streams(properties.perCaller(), properties.reconnectDelay());
        }
        if (open.incrementAndGet() > properties.perReplica()) {
            release(caller, mine, true);
            throw unavailable("This replica holds the most event streams it may (" + properties.perReplica()
                    + "); connect again later or poll the request.");
        }
        ServerSentEvent<T> hello = ServerSentEvent.<T>builder().comment("events of the team request").retry(properties.reconnectDelay()).build();
        Flux<ServerSentEvent<T>> heartbeats = Flux.interval(properties.heartbeat())
                .map(tick -> ServerSentEvent.<T>builder().comment("heartbeat").build());
        return events.publish(shared -> Flux.merge(shared, heartbeats.takeUntilOther(shared.ignoreElements())))
                .startWith(hello)
                .takeUntilOther(shutdown.asMono())
                .doFinally(signal -> release(caller, mine, true));
    }

    /** How many streams are open on this replica. */
    int openStreams() {
        return open.get();
    }

    private void release(String caller, AtomicInteger mine, boolean counted) {
        if (counted) {
            open.decrementAndGet();
        }
        if (mine.decrementAndGet() <= 0) {
            perCaller.remove(caller, mine);
        }
    }

    private static ErrorResponseException unavailable(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setTitle("No event stream available");
        ErrorResponseException refused = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
        refused.getHeaders().set(org.springframework.http.HttpHeaders.RETRY_AFTER, "5");
        return refused;
    }

    @Override
    public void start() {
        shutdown = Sinks.empty();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        shutdown.tryEmitEmpty();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Stops before WebServerGracefulShutdownLifecycle (DEFAULT_PHASE - 1024): open streams would otherwise hold it up.
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
