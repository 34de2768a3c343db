package org.teamsprovisioner.security;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * One correlation id per exchange, in the {@code X-Correlation-Id} response header and in every
 * problem document ({@code correlationId}), so a portal developer can quote it and an operator can
 * find the details in the log, which the caller never sees. A caller's own {@code X-Correlation-Id}
 * is kept when it is a plain token (so a portal's id carries through); anything else is replaced, so
 * no caller text reaches the log. Runs before Spring Security, whose 401 and 403 carry it too.
 */
public final class CorrelationIds implements WebFilter, Ordered {

    public static final String HEADER = "X-Correlation-Id";
    /** The problem member that carries it. */
    public static final String MEMBER = "correlationId";

    private static final String ATTRIBUTE = CorrelationIds.class.getName();
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    CorrelationIds() {
    }

    /** The exchange's id; one is made (and set in the response) if the filter did not run. */
    public static String of(ServerWebExchange exchange) {
        String id = exchange.getAttribute(ATTRIBUTE);
        return id != null ? id : assign(exchange, null);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        assign(exchange, exchange.getRequest().getHeaders().getFirst(HEADER));
        return chain.filter(exchange);
    }

    private static String assign(ServerWebExchange exchange, String supplied) {
        String id = supplied != null && PLAIN.matcher(supplied).matches() ? supplied : random();
        exchange.getAttributes().put(ATTRIBUTE, id);
        exchange.getResponse().getHeaders().set(HEADER, id);
        return id;
    }

    /** A version 4 UUID from ThreadLocalRandom: unique enough to find a log line, without SecureRandom's lock on every request. */
    private static String random() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
