package com.deepenrich.camel.examples.csv;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** What a finished job did, as printed at its end. */
public record JobSummary(long rows, long submitted, Map<String, Long> outcomes, long credits, double seconds,
                         Path output) {

    public long count(String outcome) {
        return outcomes.getOrDefault(outcome, 0L);
    }

    void print(PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "Enriched %d rows in %.1f s: %d contacts submitted, %d rejected, %d credits spent%n",
                rows, seconds, submitted, count(RowResult.REJECTED), credits);
        out.println("  " + outcomes.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(" | ")));
        out.println("Output: " + output);
    }
}
