package com.deepenrich.camel.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Spaces requests evenly so that at most {@code requestsPerMinute} leave per minute, without blocking a thread: a
 * caller gets a future completed when its slot comes. A 429's Retry-After defers every later slot too.
 */
public final class RateLimiter {

    private final long intervalNanos;
    private final ScheduledExecutorService scheduler;
    private long nextSlot = System.nanoTime();

    public RateLimiter(int requestsPerMinute, ScheduledExecutorService scheduler) {
        this.intervalNanos = requestsPerMinute <= 0 ? 0 : TimeUnit.MINUTES.toNanos(1) / requestsPerMinute;
        this.scheduler = scheduler;
    }

    public CompletableFuture<Void> acquire() {
        long wait = reserve();
        if (wait <= 0) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> slot = new CompletableFuture<>();
        scheduler.schedule(() -> slot.complete(null), wait, TimeUnit.NANOSECONDS);
        return slot;
    }

    /** No request leaves before {@code delayMillis} from now (the server asked us to wait). */
    public synchronized void deferAll(long delayMillis) {
        nextSlot = Math.max(nextSlot, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMillis));
    }

    private synchronized long reserve() {
        long now = System.nanoTime();
        long slot = Math.max(nextSlot, now);
        nextSlot = slot + intervalNanos;
        return slot - now;
    }
}
