package com.deepenrich.camel.examples.benchmarks;

import java.time.Duration;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** A counter that threads add to and one thread waits on, with a deadline. */
public final class Progress {

    /** How long a benchmark waits without any progress before it gives up. */
    public static final Duration STALL = Duration.ofMinutes(1);

    private long count;
    private long firstAddNanos;
    private long lastProgressNanos = System.nanoTime();
    private Throwable failure;

    public synchronized void add(long n) {
        if (count == 0) {
            firstAddNanos = System.nanoTime();
        }
        count += n;
        lastProgressNanos = System.nanoTime();
        notifyAll();
    }

    /** Makes {@link #awaitAtLeast} fail at once with this cause. */
    public synchronized void fail(Throwable cause) {
        if (failure == null) {
            failure = cause;
        }
        notifyAll();
    }

    /** For {@code onException(...).process(...)}: the exception the route caught fails the wait. */
    public Processor failure() {
        return exchange -> fail(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
    }

    public synchronized long count() {
        return count;
    }

    /** {@link System#nanoTime()} of the first {@link #add} since the last {@link #reset}. */
    public synchronized long firstAddNanos() {
        return firstAddNanos;
    }

    public synchronized void reset() {
        count = 0;
        lastProgressNanos = System.nanoTime();
        failure = null;
    }

    /**
     * Waits until the count reaches {@code target}; fails when a failure is reported or when nothing was added for
     * {@code stall} (a long run that progresses is not cut short).
     */
    public synchronized void awaitAtLeast(long target, Duration stall) throws InterruptedException {
        while (count < target && failure == null) {
            long idle = System.nanoTime() - lastProgressNanos;
            if (idle >= stall.toNanos()) {
                throw new IllegalStateException("stalled at " + count + " of " + target + ": nothing for " + stall);
            }
            wait(Math.max(1, (stall.toNanos() - idle) / 1_000_000));
        }
        if (failure != null) {
            throw new IllegalStateException("failed after " + count + " of " + target + ": " + failure, failure);
        }
    }
}
