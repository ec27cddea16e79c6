package com.deepenrich.camel.examples.simulator;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sliding-window limit per API key: at most {@code limit} accepted requests in any window. Rejected requests do
 * not count. A limit of 0 means unlimited.
 */
final class RateLimiter {

    private final int limit;
    private final long windowNanos;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    RateLimiter(int limit, Duration window) {
        this.limit = limit;
        this.windowNanos = window.toNanos();
    }

    boolean tryAcquire(String apiKey, long now) {
        return limit == 0 || windows.computeIfAbsent(apiKey, key -> new Window(limit)).tryAcquire(now, windowNanos);
    }

    /** The times of the last {@code limit} accepted requests, in a ring. */
    private static final class Window {

        private final long[] acceptedAt;
        private int oldest;
        private int count;

        Window(int limit) {
            this.acceptedAt = new long[limit];
        }

        synchronized boolean tryAcquire(long now, long windowNanos) {
            if (count < acceptedAt.length) {
                acceptedAt[(oldest + count++) % acceptedAt.length] = now;
                return true;
            }
            if (now - acceptedAt[oldest] < windowNanos) {
                return false;
            }
            acceptedAt[oldest] = now;
            oldest = (oldest + 1) % acceptedAt.length;
            return true;
        }
    }
}
