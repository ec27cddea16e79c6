package com.deepenrich.camel.examples.csv;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.deepenrich.camel.ledger.DeepEnrichLedger;

/**
 * This process's part of the job: how many rows the input has, what is under way, and whether the job is over
 * (every row has a result) or had to stop.
 */
public final class JobRun {

    private final long totalRows;
    private final Duration inDoubtWait;
    private final long startNanos = System.nanoTime();
    private final long enrichedAtStart;
    private final JobState state;
    private final DeepEnrichLedger ledger;
    private final AtomicInteger batchesInFlight = new AtomicInteger();
    private final AtomicBoolean reading = new AtomicBoolean();
    private final AtomicBoolean outOfCredits = new AtomicBoolean();
    private final CompletableFuture<Void> finished = new CompletableFuture<>();

    public JobRun(long totalRows, JobState state, DeepEnrichLedger ledger, Duration inDoubtWait) {
        this.inDoubtWait = inDoubtWait;
        this.totalRows = totalRows;
        this.state = state;
        this.ledger = ledger;
        this.enrichedAtStart = enriched(state);
    }

    public long totalRows() {
        return totalRows;
    }

    /** Until when a batch whose answer was lost waits for its results before its rows are sent again. */
    public long doubtDeadline() {
        return System.currentTimeMillis() + inDoubtWait.toMillis();
    }

    public Duration inDoubtWait() {
        return inDoubtWait;
    }

    public JobState state() {
        return state;
    }

    public DeepEnrichLedger ledger() {
        return ledger;
    }

    /** Completes when every row has a result, or exceptionally when the job cannot go on. */
    public CompletableFuture<Void> finished() {
        return finished;
    }

    /** Ends the job once every input row has its result. */
    public void checkFinished() {
        if (state.resolved() >= totalRows && batchesInFlight.get() == 0) {
            finished.complete(null);
        }
    }

    /**
     * The job is over and its last results are settled: the component has marked them done in the ledger (a job
     * that failed may leave pending ones, kept for the next run).
     */
    public boolean isOver() {
        return finished.isCompletedExceptionally() || finished.isDone() && ledger.pending().isEmpty();
    }

    public void fail(Throwable cause) {
        finished.completeExceptionally(cause);
    }

    public void readingStarted() {
        reading.set(true);
    }

    public void readingDone() {
        reading.set(false);
        checkFinished();
    }

    public boolean isReading() {
        return reading.get();
    }

    /**
     * A batch is on its way to DeepEnrich. How many may be (memory on a big input) is the component's business: its
     * {@code maxPendingBatches} holds the reading thread back.
     */
    public void batchStarted() {
        batchesInFlight.incrementAndGet();
    }

    public void batchDone() {
        batchesInFlight.decrementAndGet();
        checkFinished();
    }

    /** Nothing being read or sent: what is not resolved yet waits on DeepEnrich. */
    public boolean isIdle() {
        return !reading.get() && batchesInFlight.get() == 0;
    }

    /** The account ran out of credits: the remaining rows are not sent (they say CREDITS_INSUFFICIENT). */
    public void markOutOfCredits() {
        outOfCredits.set(true);
    }

    public boolean isOutOfCredits() {
        return outOfCredits.get();
    }

    public double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Rows DeepEnrich enriched for this process (not for an earlier, interrupted run). */
    public long enrichedThisRun() {
        return enriched(state) - enrichedAtStart;
    }

    /** Rows with a result from DeepEnrich, as opposed to those refused before sending. */
    static long enriched(JobState state) {
        return state.resolved() - state.count(RowResult.REJECTED);
    }
}
