package com.deepenrich.camel.examples.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
                WebhookIngestionBenchmark.TITLE, MemoryBenchmark.TITLE, PollModeBenchmark.TITLE, ResyncBenchmark.TITLE),
                List.copyOf(report.benchmarks()));
        report.benchmarks().forEach(b -> report.rows(b).forEach(row -> {
            assertFalse(row.figures().isEmpty(), b + " / " + row.variant());
            row.figures().forEach((figure, value) -> assertFalse(value.isBlank(), b + " / " + row.variant() + " / "
                                                                                  + figure));
        }));
        assertEquals(5, report.rows(SubmitThroughputBenchmark.TITLE).size(), "B1 variants");
        report.rows(SubmitThroughputBenchmark.TITLE)
                .forEach(row -> assertEquals("5,000", row.figures().get("contacts at API"), row.variant()));
        assertEquals(List.of("100", "10,000"), report.rows(RequestCountBenchmark.TITLE).stream()
                .map(row -> row.figures().get("requests")).toList(), "requests per 10,000 contacts");
        assertEquals("2,000", report.rows(RateLimitBenchmark.TITLE).get(0).figures().get("contacts"), "B2");
        // the limiter counts a window from the answers, so however loaded this machine, no request meets a full window
        assertEquals("0", report.rows(RateLimitBenchmark.TITLE).get(0).figures().get("429s"), "B2 429s");
        // 100 deliveries and 10 sent again: every first delivery is answered 200; a copy that comes while its first
        // is still in the route is answered 503 (come back later), as DeepEnrich's retry then brings it again
        report.rows(WebhookIngestionBenchmark.TITLE).forEach(row -> {
            Matcher answers = Pattern.compile("\\{200=(\\d+)(?:, 503=(\\d+))?}").matcher(row.figures().get("answers"));
            assertTrue(answers.matches(), row.variant() + ": " + row.figures().get("answers"));
            int ok = Integer.parseInt(answers.group(1));
            int busy = answers.group(2) == null ? 0 : Integer.parseInt(answers.group(2));
            assertTrue(ok >= 100 && ok + busy == 110, row.variant() + ": " + row.figures().get("answers"));
        });
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
        assertResyncInvariants(report.rows(ResyncBenchmark.TITLE));
    }

    /**
     * B6, day 2 of the re-sync: every row answered; a repeated person is never charged by the simulator with the
     * person guard on; with the reuse window on (when the component has it) only the changed and new people are sent
     * and charged.
     */
    private static void assertResyncInvariants(List<Report.Row> rows) {
        assertEquals(List.of(ResyncBenchmark.PLAIN, ResyncBenchmark.DEFAULTS, ResyncBenchmark.REUSE),
                rows.stream().map(Report.Row::variant).toList(), "B6 variants");
        Map<String, String> plain = rows.get(0).figures();
        Map<String, String> defaults = rows.get(1).figures();
        Map<String, String> reuse = rows.get(2).figures();
        for (Map<String, String> run : List.of(plain, defaults)) {
            assertEquals(run.get("rows"), run.get("answered"), "B6 every contact answered: " + run);
            assertEquals("0", run.get("429s"), "B6 429s: " + run);
        }
        assertEquals("0", plain.get("deduplicated"), "B6 plain sends every row: " + plain);
        assertTrue(number(plain.get("credits beyond")) > number(plain.get("credits for respelled, if sent")),
                () -> "B6 plain pays for the repeated rows: " + plain);
        assertEquals(defaults.get("repeated"), defaults.get("deduplicated"),
                "B6 every repeated row waits for its person's request: " + defaults);
        assertEquals(defaults.get("credits for respelled, if sent"), defaults.get("credits beyond"),
                "B6 with the person guard, no repeated row costs a credit (only the respelled people are paid,"
                                                                                                     + " as new input): "
                                                                                                     + defaults);
        if (ResyncBenchmark.reuseWindowAvailable()) {
            assertEquals(reuse.get("rows"), reuse.get("answered"), "B6 every contact answered: " + reuse);
            assertEquals("0", reuse.get("credits beyond"),
                    "B6 with the reuse window, only changed and new people are paid: " + reuse);
            String[] changedAndNew = reuse.get("changed + new").split(" \\+ ");
            assertEquals(number(changedAndNew[0]) + number(changedAndNew[1]), number(reuse.get("contacts sent")),
                    "B6 with the reuse window, only changed and new people are sent: " + reuse);
        } else {
            assertEquals(ResyncBenchmark.NOT_AVAILABLE, reuse.get("requests"), "B6 without the reuse option");
        }
    }

    private static long number(String figure) {
        return Long.parseLong(figure.replace(",", ""));
    }
}
