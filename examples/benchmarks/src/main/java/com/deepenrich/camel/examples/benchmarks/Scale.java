package com.deepenrich.camel.examples.benchmarks;

import java.time.Duration;

/**
 * How big each benchmark runs. {@link #FULL} is the documented run; {@link #QUICK} only proves, in CI, that every
 * benchmark runs and produces figures.
 *
 * @param submitContacts  B1: contacts per round
 * @param warmupRounds    B1 and B3: rounds run before measuring (JIT, connection pools); 15 at full scale, after
 *                        which B1's JIT column shows the compiler settled (3 left it compiling in the measured
 *                        rounds, 1 to 3 us per contact)
 * @param measuredRounds  B1 and B3: rounds measured; the median is reported
 * @param limitedContacts B2: contacts submitted under the rate limit
 * @param rateWindow      B2: the simulator's window for its 60 requests (1 minute in production)
 * @param deliveries      B3: distinct webhook deliveries of 100 contacts (10% more are duplicates)
 * @param streamedContacts B4: contacts streamed in each child JVM
 * @param everyStreamShape B4: besides the canonical route's two runs, the file source's and the one without a limit
 * @param pendingJobs     B5: enrichments pending when new submissions start (B5 shares B2's rateWindow)
 * @param resyncPeople    B6: people in the CRM export of day 1
 * @param resyncWindow    B6 and B7: the simulator's window for its 60 requests
 * @param ledgerResyncLeads B7: leads in the CRM export of day 1, re-synced on each persistent ledger
 */
public record Scale(String name, int submitContacts, int warmupRounds, int measuredRounds, int limitedContacts,
                    Duration rateWindow, int deliveries, int streamedContacts,
                    boolean everyStreamShape, int pendingJobs, int resyncPeople,
                    Duration resyncWindow, int ledgerResyncLeads) {

    public static final Scale FULL = new Scale("full", 100_000, 15, 5, 10_000, Duration.ofSeconds(6), 1_000,
            1_000_000, true, 1_000, 10_000, Duration.ofSeconds(2), 100_000);

    public static final Scale QUICK = new Scale("quick", 5_000, 1, 1, 2_000, Duration.ofSeconds(1), 100, 10_000,
            false, 200, 500, Duration.ofMillis(500), 2_000);

    /** This scale with another number of warm-up rounds ({@code --warmup=N}), to see what the JIT's warm-up costs. */
    public Scale withWarmupRounds(int rounds) {
        return new Scale(name, submitContacts, rounds, measuredRounds, limitedContacts, rateWindow, deliveries,
                streamedContacts, everyStreamShape, pendingJobs, resyncPeople, resyncWindow, ledgerResyncLeads);
    }
}
