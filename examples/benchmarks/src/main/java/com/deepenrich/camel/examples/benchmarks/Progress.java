package com.deepenrich.camel.examples.benchmarks;

import java.time.Duration;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** A counter that threads add to and one thread waits on, with a deadline. */
public final class Progress {

    private long count;
    private long firstAddNanos;
    private Throwable failure;

    public synchronized void add(long n) {
        if (count == 0) {
            firstAddNanos = System.nanoTime();
        }
        count += n;
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
        failure = null;
    }

    /** Waits until the count reaches {@code target}; fails when {@code timeout} passes or a failure is reported. */
    public synchronized void awaitAtLeast(long target, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count < target && failure == null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("only " + count + " of " + target + " after " + timeout);
            }
            wait(Math.max(1, left / 1_000_000));
        }
        if (failure != null) {
            throw new IllegalStateException("failed after " + count + " of " + target + ": " + failure, failure);
        }
    }
}
