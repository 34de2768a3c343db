package org.teamsprovisioner.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests move by hand instead of sleeping: either stopped at an instant ({@link #fixedAt}) or
 * running with the system clock ({@link #live}), plus whatever the test has advanced it by.
 */
public final class TestClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    private TestClock(Clock base) {
        this.base = base;
    }

    public static TestClock fixedAt(Instant start) {
        return new TestClock(Clock.fixed(start, ZoneOffset.UTC));
    }

    public static TestClock live() {
        return new TestClock(Clock.systemUTC());
    }

    /** Moves the clock; a negative duration moves it back. */
    public void advance(Duration by) {
        offset.updateAndGet(current -> current.plus(by));
    }

    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The service works in UTC");
    }
}
