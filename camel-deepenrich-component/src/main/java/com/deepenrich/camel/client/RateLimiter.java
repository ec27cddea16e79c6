package com.deepenrich.camel.client;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Spaces requests so that at most {@code requestsPerMinute} leave per minute, without blocking a thread: a caller
 * gets a future completed when its turn comes. Turns are handed out one at a time, so a 429's Retry-After
 * ({@link #deferAll}) holds back every request already waiting, not only later ones.
 * <p>
 * The spacing keeps a {@value #MARGIN_PERCENT}% margin under the limit: at exactly the limit, a request that
 * reaches the server a little sooner after leaving than the one a window before it (that one opened the connection)
 * lands on the edge of a sliding-window limit and is refused (measured: 1 to 3 429s per 100 requests without it).
 * The margin covers small delays only. What makes a 429 impossible, whatever delays a request between its turn and
 * the server (a busy sender pool, a loaded machine, the network), is the answer: the API counted a request before it
 * answered it, so a request leaves no sooner than one window after the answer to the request as many places before
 * it as the window allows ({@code perWindow}). A turn hands out a {@link Permit}; the caller tells it when the
 * answer (or the failure) came.
 * <p>
 * Two lanes share the limit: {@link Lane#CALLS} (submissions and every request a caller waits for) and
 * {@link Lane#POLL_READS} (the results consumer's reads of pending enrichments). A lane alone gets every turn; while
 * both wait, turns alternate, so a backlog of reads never takes more than half the limit from submissions, nor
 * submissions more than half from reads. A poll read may be declined when its turn comes ({@link Turn#whenHandedOut}):
 * it is not sent and the turn goes to the next request waiting, unspent.
 */
public final class RateLimiter {

    static final int MARGIN_PERCENT = 2;

    /** Which share of the limit a request draws on. */
    public enum Lane {
        CALLS,
        POLL_READS
    }

    /**
     * What a request asks for: a turn in {@code lane}; {@code whenHandedOut} runs when the turn comes, before the
     * request leaves, and answers whether it still should (a claim taken at the last moment). It runs on the thread
     * handing out turns: keep it short.
     */
    public record Turn(Lane lane, BooleanSupplier whenHandedOut) {

        /** A turn among the calls, always taken. */
        public static final Turn CALL = new Turn(Lane.CALLS, () -> true);

        public static Turn pollRead(BooleanSupplier whenHandedOut) {
            return new Turn(Lane.POLL_READS, whenHandedOut);
        }
    }

    /** The request's turn came but it did not take it ({@link Turn#whenHandedOut} said no, or failed: the cause). */
    public static final class TurnDeclined extends RuntimeException {

        TurnDeclined(Throwable cause) {
            super(cause == null ? "turn declined" : "turn declined: " + cause.getMessage(), cause);
        }
    }

    /**
     * A request's place among the last {@code perWindow} ones: {@link #answered()} when its answer or failure came
     * (always, exactly once), so that the request {@code perWindow} places later may leave a window after it.
     */
    public final class Permit {

        private final int slot;

        private Permit(int slot) {
            this.slot = slot;
        }

        public void answered() {
            if (slot >= 0) {
                release(slot);
            }
        }
    }

    private record Waiter(Turn turn, CompletableFuture<Permit> future) {
    }

    /** An answered-at time meaning: that request has not been answered yet. */
    private static final long IN_FLIGHT = Long.MAX_VALUE;

    private final Permit unlimited = new Permit(-1);
    private final long intervalNanos;
    private final long windowNanos;
    /** When each of the last {@code perWindow} requests was answered ({@link #IN_FLIGHT} until then), in a ring. */
    private final long[] answeredAt;
    /** Sequence number of the next request to leave; its place in {@link #answeredAt} is {@code sent % perWindow}. */
    private long sent;
    private final ScheduledExecutorService scheduler;
    private final Deque<Waiter> calls = new ArrayDeque<>();
    private final Deque<Waiter> pollReads = new ArrayDeque<>();
    private long nextTurn = System.nanoTime();
    private boolean lastTurnWasPollRead;
    /** A thread is handing out turns, or a hand-out is scheduled: nobody else starts one. */
    private boolean handingOut;

    /** A limit counted over one minute. */
    public RateLimiter(int requestsPerMinute, ScheduledExecutorService scheduler) {
        this(requestsPerMinute, TimeUnit.MINUTES.toMillis(1), scheduler);
    }

    /**
     * {@code requestsPerMinute} counted by the API over a sliding window of {@code windowMillis}: at most
     * {@code requestsPerMinute x windowMillis / 1 min} requests (at least 1) in any window.
     */
    public RateLimiter(int requestsPerMinute, long windowMillis, ScheduledExecutorService scheduler) {
        this.intervalNanos = requestsPerMinute <= 0
                ? 0 : TimeUnit.MINUTES.toNanos(1) * (100 + MARGIN_PERCENT) / 100 / requestsPerMinute;
        this.windowNanos = TimeUnit.MILLISECONDS.toNanos(windowMillis);
        long perWindow = requestsPerMinute <= 0 ? 1 : Math.max(1, requestsPerMinute * windowMillis / 60_000);
        this.answeredAt = new long[(int) Math.min(perWindow, 100_000)];
        Arrays.fill(answeredAt, Long.MIN_VALUE / 2);
        this.scheduler = scheduler;
    }

    public CompletableFuture<Permit> acquire() {
        return acquire(Turn.CALL);
    }

    public CompletableFuture<Permit> acquire(Turn turn) {
        CompletableFuture<Permit> future = new CompletableFuture<>();
        if (intervalNanos == 0) {
            take(new Waiter(turn, future), unlimited);
            return future;
        }
        boolean startHandOut;
        synchronized (this) {
            (turn.lane() == Lane.POLL_READS ? pollReads : calls).add(new Waiter(turn, future));
            startHandOut = !handingOut;
            handingOut = true;
        }
        if (startHandOut) {
            handOut();
        }
        return future;
    }

    /** No request leaves before {@code delayMillis} from now (the server asked us to wait). */
    public synchronized void deferAll(long delayMillis) {
        nextTurn = Math.max(nextTurn, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMillis));
    }

    /** Requests of {@code lane} waiting for their turn. */
    public synchronized int waiting(Lane lane) {
        return (lane == Lane.POLL_READS ? pollReads : calls).size();
    }

    /**
     * Hands out every turn whose time has come, then schedules itself for the next one while any request waits. Only
     * one thread runs it at a time ({@link #handingOut}). A turn's time is the later of its place on the grid and one
     * window after the answer to the request {@code perWindow} places before it; while that request is still
     * unanswered, its answer ({@link #release}) starts the hand-out again.
     */
    private void handOut() {
        while (true) {
            Waiter next;
            long turnTaken;
            long advancedTo;
            int slot;
            long slotBefore;
            synchronized (this) {
                if (calls.isEmpty() && pollReads.isEmpty()) {
                    handingOut = false;
                    return;
                }
                slot = (int) (sent % answeredAt.length);
                slotBefore = answeredAt[slot];
                if (slotBefore == IN_FLIGHT) {
                    handingOut = false;
                    return;
                }
                long now = System.nanoTime();
                long due = dueAt(slotBefore);
                if (now - due < 0) {
                    try {
                        scheduler.schedule(this::handOut, due - now, TimeUnit.NANOSECONDS);
                    } catch (RejectedExecutionException stopped) {
                        failEveryWaiter(stopped);
                    }
                    return;
                }
                next = nextWaiter();
                turnTaken = nextTurn;
                // turns stay on their grid: the scheduler's small lateness does not add up (at 500 requests a
                // second it cost 20% of the rate); after a pause of a turn or more the grid starts again from now
                nextTurn = (now - nextTurn < intervalNanos ? nextTurn : now) + intervalNanos;
                advancedTo = nextTurn;
                answeredAt[slot] = IN_FLIGHT;
                sent++;
            }
            if (!take(next, new Permit(slot))) {
                synchronized (this) {
                    // unspent: the next request waiting may have it, unless the server asked to wait meanwhile
                    answeredAt[slot] = slotBefore;
                    sent--;
                    if (nextTurn == advancedTo) {
                        nextTurn = turnTaken;
                    }
                }
            }
        }
    }

    /** The scheduler is gone (the component stopped): no turn will come, so every waiter fails, unsent. */
    private void failEveryWaiter(RejectedExecutionException stopped) {
        // called under the lock; a failed turn's request is not retried, so no completion comes back here
        List<Waiter> waiting = new ArrayList<>(calls);
        waiting.addAll(pollReads);
        calls.clear();
        pollReads.clear();
        handingOut = false;
        waiting.forEach(w -> w.future().completeExceptionally(stopped));
    }

    private void release(int slot) {
        boolean startHandOut;
        synchronized (this) {
            answeredAt[slot] = System.nanoTime();
            startHandOut = !handingOut && (!calls.isEmpty() || !pollReads.isEmpty());
            handingOut |= startHandOut;
        }
        if (startHandOut) {
            handOut();
        }
    }

    /** The first waiter of the lane whose turn it is: alternate lanes while both wait. */
    private Waiter nextWaiter() {
        boolean pollRead = calls.isEmpty() || (!pollReads.isEmpty() && !lastTurnWasPollRead);
        lastTurnWasPollRead = pollRead;
        return pollRead ? pollReads.poll() : calls.poll();
    }

    /** Completes the waiter's future if it takes its turn; false when it declined. */
    private static boolean take(Waiter waiter, Permit permit) {
        boolean taken;
        try {
            taken = waiter.turn().whenHandedOut().getAsBoolean();
        } catch (RuntimeException e) {
            waiter.future().completeExceptionally(new TurnDeclined(e));
            return false;
        }
        if (taken) {
            waiter.future().complete(permit);
        } else {
            waiter.future().completeExceptionally(new TurnDeclined(null));
        }
        return taken;
    }

    /** Requests waiting for their turn (read by the dev console). */
    public synchronized int getWaiting() {
        return calls.size() + pollReads.size();
    }

    /**
     * Milliseconds until the next request may leave; 0 when one may leave now. While the request a window's count
     * before it is unanswered, its answer may delay it further.
     */
    public synchronized long getMillisToNextTurn() {
        long answered = answeredAt[(int) (sent % answeredAt.length)];
        long due = answered == IN_FLIGHT ? nextTurn : dueAt(answered);
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(due - System.nanoTime()));
    }

    /** When the next turn comes: its place on the grid, and one window after the answer in its place of the ring. */
    private long dueAt(long answeredAtOfItsPlace) {
        return Math.max(nextTurn, answeredAtOfItsPlace + windowNanos);
    }
}
