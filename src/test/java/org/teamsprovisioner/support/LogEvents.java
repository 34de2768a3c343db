package org.teamsprovisioner.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * The log events the service writes, with their key-value pairs and MDC, whatever the console format:
 * Logback is set up once per JVM, so a test cannot rely on its own context's format (the first
 * context's wins); the fields are what structured logging (ECS in prod) renders.
 */
public final class LogEvents implements AutoCloseable {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    private LogEvents() {
        appender.start();
        root.addAppender(appender);
    }

    public static LogEvents capture() {
        return new LogEvents();
    }

    public List<ILoggingEvent> events() {
        return List.copyOf(appender.list);
    }

    /** The event's key-value pairs (SLF4J fluent API), by key. */
    public static Map<String, Object> fields(ILoggingEvent event) {
        return event.getKeyValuePairs() == null ? Map.of() : event.getKeyValuePairs().stream()
                .filter(pair -> pair.value != null)
                .collect(Collectors.toMap(pair -> pair.key, pair -> pair.value, (a, b) -> b));
    }

    public static Optional<String> field(ILoggingEvent event, String key) {
        return Optional.ofNullable(fields(event).get(key)).map(Object::toString);
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
