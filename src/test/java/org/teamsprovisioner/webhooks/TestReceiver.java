package org.teamsprovisioner.webhooks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A real webhook receiver on 127.0.0.1 (the JDK's HTTP server): records every request it gets per
 * path, and answers each with the next scripted answer of its path (200 once the script is used up).
 */
final class TestReceiver implements AutoCloseable {

    /** @param delay before answering; @param hold a latch the answer waits on (a receiver stuck mid-delivery) */
    record Answer(int status, Duration delay, CountDownLatch hold, Map<String, String> headers) {

        static Answer status(int status) {
            return new Answer(status, Duration.ZERO, null, Map.of());
        }

        static Answer slow(Duration delay) {
            return new Answer(200, delay, null, Map.of());
        }
    }

    record Received(String path, Map<String, String> headers, String body, Instant at) {

        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final HttpServer server;
    private final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    TestReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Map<String, String> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
            String path = exchange.getRequestURI().getPath();
            received.add(new Received(path, headers, body, Instant.now()));
            Deque<Answer> script = scripts.get(path);
            Answer answer = script == null || script.isEmpty() ? Answer.status(200) : script.poll();
            try {
                if (answer.hold() != null) {
                    answer.hold().await();
                }
                Thread.sleep(answer.delay().toMillis());
                answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
                exchange.sendResponseHeaders(answer.status(), -1);
            } catch (InterruptedException | IOException gone) {
                // The sender gave up (timeout) or the test ended.
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    int port() {
        return server.getAddress().getPort();
    }

    void script(String path, Answer... answers) {
        scripts.computeIfAbsent(path, p -> new ConcurrentLinkedDeque<>()).addAll(List.of(answers));
    }

    List<Received> at(String path) {
        return new ArrayList<>(received.stream().filter(r -> r.path().equals(path)).toList());
    }

    /** Waits until what {@code path} received satisfies {@code done}; fails after {@code limit}. */
    List<Received> await(String path, Predicate<List<Received>> done, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            List<Received> got = at(path);
            if (done.test(got)) {
                return got;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(path + " did not receive what was awaited within " + limit + "; got " + at(path).size()
                + " request(s): " + at(path).stream().map(Received::body).toList());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
