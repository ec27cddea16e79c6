package com.deepenrich.camel.examples.benchmarks;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmarks in {@code --quick} mode, as CI runs them: each one runs and produces figures. Nothing is asserted
 * about time; the counts that prove a run did its work are.
 */
class BenchmarkQuickTest {

    @Test
    void everyBenchmarkRunsAndProducesFigures() throws Exception {
        Report report = BenchmarkMain.run(Scale.QUICK, BenchmarkMain.BENCHMARKS.keySet());
        System.out.println(report.render());

        assertEquals(List.of(SubmitThroughputBenchmark.TITLE, RequestCountBenchmark.TITLE, RateLimitBenchmark.TITLE,
                WebhookIngestionBenchmark.TITLE, MemoryBenchmark.TITLE, PollModeBenchmark.TITLE),
                List.copyOf(report.benchmarks()));
        report.benchmarks().forEach(b -> report.rows(b).forEach(row -> {
            assertFalse(row.figures().isEmpty(), b + " / " + row.variant());
            row.figures().forEach((figure, value) -> assertFalse(value.isBlank(), b + " / " + row.variant() + " / "
                                                                                  + figure));
        }));
        assertEquals(4, report.rows(SubmitThroughputBenchmark.TITLE).size(), "B1 variants");
        report.rows(SubmitThroughputBenchmark.TITLE)
                .forEach(row -> assertEquals("5,000", row.figures().get("contacts at API"), row.variant()));
        assertEquals(List.of("100", "10,000"), report.rows(RequestCountBenchmark.TITLE).stream()
                .map(row -> row.figures().get("requests")).toList(), "requests per 10,000 contacts");
        assertEquals("2,000", report.rows(RateLimitBenchmark.TITLE).get(0).figures().get("contacts"), "B2");
        // the limiter counts a window from the answers, so however loaded this machine, no request meets a full window
        assertEquals("0", report.rows(RateLimitBenchmark.TITLE).get(0).figures().get("429s"), "B2 429s");
        report.rows(WebhookIngestionBenchmark.TITLE)
                .forEach(row -> assertEquals("{200=110}", row.figures().get("answers"), row.variant()));
        assertEquals("100", report.rows(WebhookIngestionBenchmark.TITLE).get(0).figures().get("results emitted"),
                "B3 results emitted once each, duplicates not");
        assertTrue(report.rows(MemoryBenchmark.TITLE).stream()
                .allMatch(row -> "completed".equals(row.figures().get("outcome"))
                                 && "20,000".equals(row.figures().get("contacts at API"))),
                () -> "B4 runs at quick scale: " + report.rows(MemoryBenchmark.TITLE));
        assertTrue(report.rows(MemoryBenchmark.TITLE).stream()
                .allMatch(row -> Integer.parseInt(row.figures().get("peak pending batches")) <= 4 + 1),
                () -> "B4 holds at most maxPendingBatches (4) unanswered batches, plus a timeout completion that "
                      + "never waits: " + report.rows(MemoryBenchmark.TITLE));
        assertEquals(3, report.rows(PollModeBenchmark.TITLE).size(), "B5 variants");
        report.rows(PollModeBenchmark.TITLE).forEach(row -> {
            assertEquals("200 + 600", row.figures().get("jobs (pending + new)"), row.variant());
            assertEquals("800", row.figures().get("results emitted"), "B5 every result emitted: " + row.variant());
            assertEquals("0", row.figures().get("emitted twice"), "B5 none twice: " + row.variant());
            assertEquals("0", row.figures().get("429s"), "B5 429s: " + row.variant());
        });
        assertEquals("0", report.rows(PollModeBenchmark.TITLE).get(2).figures().get("GETs"),
                "B5 webhook mode: every result by webhook, the fallback reads none");
    }
}
