package com.deepenrich.camel.client;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Spaces requests so that at most {@code requestsPerMinute} leave per minute, without blocking a thread: a caller
 * gets a future completed when its turn comes. Turns are handed out one at a time, so a 429's Retry-After
 * ({@link #deferAll}) holds back every request already waiting, not only later ones.
 * <p>
 * The spacing keeps a {@value #MARGIN_PERCENT}% margin under the limit: at exactly the limit, a request that
 * reaches the server a little sooner after leaving than the one a window before it (that one opened the connection)
 * lands on the edge of a sliding-window limit and is refused (measured: 1 to 3 429s per 100 requests without it).
 */
public final class RateLimiter {

    static final int MARGIN_PERCENT = 2;

    private final long intervalNanos;
    private final ScheduledExecutorService scheduler;
    private final Deque<CompletableFuture<Void>> waiting = new ArrayDeque<>();
    private long nextTurn = System.nanoTime();
    private boolean handOutScheduled;

    public RateLimiter(int requestsPerMinute, ScheduledExecutorService scheduler) {
        this.intervalNanos = requestsPerMinute <= 0
                ? 0 : TimeUnit.MINUTES.toNanos(1) * (100 + MARGIN_PERCENT) / 100 / requestsPerMinute;
        this.scheduler = scheduler;
    }

    public CompletableFuture<Void> acquire() {
        if (intervalNanos == 0) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> turn = new CompletableFuture<>();
        synchronized (this) {
            waiting.add(turn);
        }
        handOut();
        return turn;
    }

    /** No request leaves before {@code delayMillis} from now (the server asked us to wait). */
    public synchronized void deferAll(long delayMillis) {
        nextTurn = Math.max(nextTurn, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMillis));
    }

    /** Gives the first waiter its turn if its time has come, and schedules the next hand-out while any wait. */
    private void handOut() {
        CompletableFuture<Void> turn = null;
        synchronized (this) {
            if (handOutScheduled || waiting.isEmpty()) {
                return;
            }
            long now = System.nanoTime();
            if (now - nextTurn >= 0) {
                turn = waiting.poll();
                // turns stay on their grid: the scheduler's small lateness does not add up (at 500 requests a
                // second it cost 20% of the rate); after a pause of a turn or more the grid starts again from now
                nextTurn = (now - nextTurn < intervalNanos ? nextTurn : now) + intervalNanos;
            }
            if (!waiting.isEmpty()) {
                handOutScheduled = true;
                scheduler.schedule(this::scheduledHandOut, nextTurn - now, TimeUnit.NANOSECONDS);
            }
        }
        if (turn != null) {
            turn.complete(null);
        }
    }

    private void scheduledHandOut() {
        synchronized (this) {
            handOutScheduled = false;
        }
        handOut();
    }

    /** Requests waiting for their turn (read by the dev console). */
    public synchronized int getWaiting() {
        return waiting.size();
    }

    /** Milliseconds until the next request may leave; 0 when one may leave now. */
    public synchronized long getMillisToNextTurn() {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(nextTurn - System.nanoTime()));
    }
}
