package com.deepenrich.camel.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Turns are handed out one at a time: a server's "wait" holds back the requests already waiting too. */
class RateLimiterTurnsTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void deferAllHoldsBackRequestsAlreadyWaiting() throws Exception {
        RateLimiter limiter = new RateLimiter(6_000, scheduler);
        CompletableFuture<Void> first = limiter.acquire();
        CompletableFuture<Void> waiting = limiter.acquire();
        long deferredAt = System.nanoTime();
        limiter.deferAll(300);

        waiting.get(5, TimeUnit.SECONDS);

        assertTrue(first.isDone(), "the first request had its turn at once");
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - deferredAt);
        assertTrue(waitedMillis >= 300, "a request waiting when the server asked for 300 ms left after " + waitedMillis);
    }

    @Test
    void turnsKeepAMarginUnderTheLimit() throws Exception {
        RateLimiter limiter = new RateLimiter(600, scheduler);
        long start = System.nanoTime();
        CompletableFuture<?>[] turns = { limiter.acquire(), limiter.acquire(), limiter.acquire() };

        CompletableFuture.allOf(turns).get(5, TimeUnit.SECONDS);

        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(elapsedMillis >= 2 * 102, "600 a minute with a 2% margin is one turn every 102 ms, but 3 turns took "
                                             + elapsedMillis + " ms");
    }
}
