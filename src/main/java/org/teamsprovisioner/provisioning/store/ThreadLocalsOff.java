package org.teamsprovisioner.provisioning.store;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import reactor.util.context.Context;

/**
 * The request's Reactor context without the values that Micrometer's context propagation restores as
 * thread locals. With context-propagation on the class path, Reactor restores them around every
 * {@code handle} operator (its "limited" mode, Boot's default, which has no off switch), and
 * r2dbc-postgresql passes each message of a conversation through several: the HTTP observation's
 * scope and Spring Security's exchange and context were set and reset again and again, for every row.
 * A statement needs none of them (Boot traces R2DBC only through r2dbc-proxy, not a dependency); the
 * transaction of a {@code TransactionalOperator} lives under another key and is kept, and operators
 * after the statement see the request's context as before. In alternating runs of the facade benchmark
 * (jars with and without it, 2026-12-06) the service's CPU per request fell about 4 % for a status read,
 * 10 % for a submit and 15 % for a page of 20. Only the request store uses it: its statements are the API's hot
 * path; the other stores' statements run in jobs, which carry no request context, or seldom on a request path.
 */
final class ThreadLocalsOff {

    private ThreadLocalsOff() {
    }

    static Context without(Context context) {
        Context kept = context;
        for (ThreadLocalAccessor<?> accessor : ContextRegistry.getInstance().getThreadLocalAccessors()) {
            kept = kept.delete(accessor.key());
        }
        return kept;
    }
}
