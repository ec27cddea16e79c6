package com.deepenrich.camel.client;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Turns are handed out one at a time: a server's "wait" holds back the requests already waiting too; the two lanes
 * alternate while both wait; a declined turn goes to the next request unspent.
 */
class RateLimiterTurnsTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void deferAllHoldsBackRequestsAlreadyWaiting() throws Exception {
        RateLimiter limiter = new RateLimiter(6_000, scheduler);
        CompletableFuture<RateLimiter.Permit> first = limiter.acquire();
        CompletableFuture<RateLimiter.Permit> waiting = limiter.acquire();
        long deferredAt = System.nanoTime();
        limiter.deferAll(300);

        waiting.get(5, TimeUnit.SECONDS);

        assertTrue(first.isDone(), "the first request had its turn at once");
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - deferredAt);
        assertTrue(waitedMillis >= 300,
                "a request waiting when the server asked for 300 ms left after " + waitedMillis);
    }

    @Test
    void turnsKeepAMarginUnderTheLimit() throws Exception {
        long start = System.nanoTime(); // before the limiter: its first turn may be at its creation
        RateLimiter limiter = new RateLimiter(600, scheduler);
        CompletableFuture<?>[] turns = {limiter.acquire(), limiter.acquire(), limiter.acquire()};

        CompletableFuture.allOf(turns).get(5, TimeUnit.SECONDS);

        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(elapsedMillis >= 2 * 102, "600 a minute with a 2% margin is one turn every 102 ms, but 3 turns took "
                                             + elapsedMillis + " ms");
    }

    @Test
    void whileBothLanesWaitTheirTurnsAlternate() throws Exception {
        RateLimiter limiter = new RateLimiter(6_000, scheduler);
        limiter.deferAll(200); // everyone below is waiting when the first turn comes
        List<String> order = new CopyOnWriteArrayList<>();
        List<CompletableFuture<Void>> turns = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String read = "read" + i;
            turns.add(limiter.acquire(RateLimiter.Turn.pollRead(() -> true)).thenRun(() -> order.add(read)));
        }
        for (int i = 1; i <= 5; i++) {
            String call = "call" + i;
            turns.add(limiter.acquire().thenRun(() -> order.add(call)));
        }

        CompletableFuture.allOf(turns.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);

        assertEquals(List.of("read1", "call1", "read2", "call2", "read3", "call3", "call4", "call5"), order);
    }

    @Test
    void aDeclinedTurnIsPassedOnUnspent() throws Exception {
        AtomicInteger waitsForATurn = new AtomicInteger();
        RateLimiter limiter = new RateLimiter(600, countingSchedules(waitsForATurn));
        limiter.acquire().get(5, TimeUnit.SECONDS); // the next turn is 102 ms away
        AtomicInteger asked = new AtomicInteger();
        List<CompletableFuture<RateLimiter.Permit>> declined = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            declined.add(limiter.acquire(RateLimiter.Turn.pollRead(() -> asked.incrementAndGet() < 0)));
        }
        CompletableFuture<RateLimiter.Permit> taken = limiter.acquire(RateLimiter.Turn.pollRead(() -> true));

        taken.get(5, TimeUnit.SECONDS);

        assertEquals(20, asked.get());
        for (CompletableFuture<RateLimiter.Permit> d : declined) {
            ExecutionException e = assertThrows(ExecutionException.class, d::get);
            assertInstanceOf(RateLimiter.TurnDeclined.class, e.getCause());
        }
        // passed on, every declined turn went to the next read at once: the 21 reads waited for one turn; had each
        // declined turn been spent, the limiter would have waited for the next turn 21 times
        assertEquals(1, waitsForATurn.get(), "times the limiter waited for a turn");
    }

    /** The test's scheduler, counting the hand-outs scheduled for a later turn. */
    private ScheduledExecutorService countingSchedules(AtomicInteger count) {
        return (ScheduledExecutorService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{ScheduledExecutorService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("schedule")) {
                        count.incrementAndGet();
                    }
                    try {
                        return method.invoke(scheduler, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void aRequestLeavesAWindowAfterTheAnswerToTheOneAWindowBeforeIt() throws Exception {
        // 6,000 a minute over a 100 ms window: 10 per window, a turn every 10.2 ms
        RateLimiter limiter = new RateLimiter(6_000, 100, scheduler);
        List<RateLimiter.Permit> window = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            window.add(limiter.acquire().get(5, TimeUnit.SECONDS));
        }
        CompletableFuture<RateLimiter.Permit> eleventh = limiter.acquire();
        Thread.sleep(300); // three windows: the grid alone would have let it go long ago

        assertFalse(eleventh.isDone(), "the 11th request left while the first of its window was still unanswered");
        window.get(1).answered();
        Thread.sleep(150);
        assertFalse(eleventh.isDone(), "the 11th request took the place of the second, not of the first");

        long answeredAt = System.nanoTime();
        window.get(0).answered();
        long millisToNextTurn = limiter.getMillisToNextTurn();
        long sinceAnswerMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - answeredAt) + 1;
        assertTrue(millisToNextTurn + sinceAnswerMillis >= 100, "the dev console shows the wait the answer set: "
                                                                + millisToNextTurn + " ms");
        eleventh.get(5, TimeUnit.SECONDS);
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - answeredAt);
        assertTrue(waitedMillis >= 100, "the 11th request left " + waitedMillis
                                        + " ms after the answer to the first, within its 100 ms window");
    }

    @Test
    void aDeclinedTurnGivesItsPlaceInTheWindowBack() throws Exception {
        RateLimiter limiter = new RateLimiter(6_000, 100, scheduler); // 10 per window
        for (int i = 0; i < 9; i++) {
            limiter.acquire().get(5, TimeUnit.SECONDS).answered();
        }
        CompletableFuture<RateLimiter.Permit> declined = limiter.acquire(RateLimiter.Turn.pollRead(() -> false));
        assertThrows(ExecutionException.class, () -> declined.get(5, TimeUnit.SECONDS));

        // the declined read held no place: had it kept one, unanswered, the 11th request below would wait forever
        for (int i = 0; i < 11; i++) {
            limiter.acquire().get(5, TimeUnit.SECONDS).answered();
        }
    }
}
