package org.teamsprovisioner.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.teamsprovisioner.request.Caller;
import org.teamsprovisioner.request.TeamSpec;
import org.teamsprovisioner.support.SandboxPostgresTest;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * The store's statements run without the request's thread-local values (r2dbc-postgresql's operators
 * would restore them again and again), but still in the caller's transaction, whose connection travels
 * in the same Reactor context under another key.
 */
class StatementContextPostgresTest extends SandboxPostgresTest {

    private static final String KEY = "test.request-local";

    @Autowired
    TeamRequestStore store;

    @Autowired
    ReactiveTransactionManager transactions;

    private final CountingAccessor accessor = new CountingAccessor();

    @AfterEach
    void unregister() {
        ContextRegistry.getInstance().removeThreadLocalAccessor(KEY);
    }

    @Test
    void aStatusReadRestoresNoneOfTheRequestsThreadLocals() {
        TeamRequest request = stored("Thread locals " + UUID.randomUUID());
        ContextRegistry.getInstance().registerThreadLocalAccessor(accessor);
        // The accessor is live and Reactor is in its default mode: a handle operator does restore it.
        Mono.just(1).handle((value, sink) -> sink.next(value)).contextWrite(Context.of(KEY, "request")).block();
        assertThat(accessor.restored.get()).isPositive();

        RequestSummary read = store.findSummary(request.id()).contextWrite(Context.of(KEY, "request")).block();

        assertThat(read.id()).isEqualTo(request.id());
        assertThat(accessor.byTheDriver.get()).isZero();
    }

    @Test
    void aReadInsideATransactionSeesTheTransactionsUncommittedChange() {
        TeamRequest request = stored("In transaction " + UUID.randomUUID());
        TeamRequest cancelled = request.cancelled(request.createdAt().plusSeconds(1));

        RequestSummary inside = TransactionalOperator.create(transactions).execute(tx -> {
            tx.setRollbackOnly();
            return store.cancel(cancelled, RequestEvents.cancelled(cancelled, Caller.of(request.requester())))
                    .then(store.findSummary(request.id()));
        }).single().block();

        assertThat(inside.status()).isEqualTo(RequestStatus.CANCELLED);
        assertThat(store.findSummary(request.id()).block().status()).isEqualTo(RequestStatus.ACCEPTED);
    }

    private TeamRequest stored(String name) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        TeamSpec spec = TeamSpec.requested(name, null, null, null, List.of("alice@contoso.com"), null, null, null);
        TeamRequest request = TeamRequest.accept(UUID.randomUUID(), new NewTeamRequest("context-" + UUID.randomUUID(), spec), now,
                Duration.ofHours(1));
        // Due tomorrow: no worker picks the job while the test runs.
        return store.create(request, now.plus(Duration.ofDays(1)), RequestEvents.submitted(request)).block();
    }

    private static final class CountingAccessor implements ThreadLocalAccessor<Object> {

        final AtomicInteger restored = new AtomicInteger();
        final AtomicInteger byTheDriver = new AtomicInteger();

        @Override
        public Object key() {
            return KEY;
        }

        @Override
        public Object getValue() {
            return null;
        }

        @Override
        public void setValue(Object value) {
            // Counted: restorations of Reactor's default ("limited") mode, done around a handle operator; by the driver
            // when one of its frames is on the stack.
            if (StackWalker.getInstance().walk(frames -> frames.anyMatch(frame -> frame.getMethodName().contains("contextRestoreForHandle")))) {
                restored.incrementAndGet();
                if (StackWalker.getInstance().walk(frames -> frames.anyMatch(frame -> frame.getClassName().startsWith("io.r2dbc.")))) {
                    byTheDriver.incrementAndGet();
                }
            }
        }

        @Override
        public void setValue() {
        }
    }
}
