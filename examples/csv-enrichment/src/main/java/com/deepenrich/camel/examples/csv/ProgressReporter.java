package com.deepenrich.camel.examples.csv;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The live progress line, and the watch for rows whose enrichment DeepEnrich no longer knows (they are read and
 * sent again, so that no row waits forever).
 */
public final class ProgressReporter {

    private final JobRun run;
    private final PrintStream out;

    public ProgressReporter(JobRun run, PrintStream out) {
        this.run = run;
        this.out = out;
    }

    public void print() {
        out.println(line());
    }

    String line() {
        JobState state = run.state();
        long rejected = state.count(RowResult.REJECTED);
        long remaining = run.totalRows() - state.resolved();
        double rate = run.enrichedThisRun() / Math.max(run.elapsedSeconds(), 0.001);
        String eta = remaining == 0 ? "done" : rate > 0 ? Math.round(remaining / rate) + "s" : "?";
        return String.format(Locale.ROOT,
                "[%5.1fs] rows %d | submitted %d | enriched %d | found %d | rejected %d | credits %d | %.0f rows/s"
                                          + " | ETA %s",
                run.elapsedSeconds(), run.totalRows(), state.submitted(), JobRun.enriched(state),
                state.count("FOUND"), rejected, state.creditsSpent(), rate, eta);
    }

    /**
     * True when rows must be read again: nothing is being read or sent, no enrichment is pending, yet rows wait
     * (DeepEnrich answered 404 for their enrichment, and the component dropped it from the ledger).
     */
    public boolean releaseLostRows() {
        if (run.isReading()) {
            return false; // rows freed now would also be met by the reading under way: sent twice
        }
        int doubtful = run.state().releaseExpiredDoubts(System.currentTimeMillis());
        if (doubtful > 0) {
            out.println(doubtful + " rows of batches whose answer was lost got no result in time: sending them again");
            return true;
        }
        if (!run.isIdle() || run.state().resolved() >= run.totalRows() || !run.ledger().pending().isEmpty()) {
            return false;
        }
        int freed = run.state().releaseLostBatches(run.ledger());
        if (freed > 0) {
            out.println(freed + " rows wait on enrichments DeepEnrich no longer knows: sending them again");
        }
        return freed > 0;
    }
}
