package com.deepenrich.camel.examples.benchmarks;

import java.util.HashMap;
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
                WebhookIngestionBenchmark.TITLE, MemoryBenchmark.TITLE, PollModeBenchmark.TITLE, ResyncBenchmark.TITLE,
                LedgerResyncBenchmark.TITLE),
                List.copyOf(report.benchmarks()));
        report.benchmarks().forEach(b -> report.rows(b).forEach(row -> {
            assertFalse(row.figures().isEmpty(), b + " / " + row.variant());
            row.figures().forEach((figure, value) -> assertFalse(value.isBlank(), b + " / " + row.variant() + " / "
                                                                                  + figure));
        }));
        assertEquals(7, report.rows(SubmitThroughputBenchmark.TITLE).size(), "B1 variants");
        report.rows(SubmitThroughputBenchmark.TITLE)
                .forEach(row -> assertEquals("5,000", row.figures().get("contacts at API"), row.variant()));
        assertPeopleHeld(report.rows(SubmitThroughputBenchmark.TITLE));
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
        assertMemoryRuns(report.rows(MemoryBenchmark.TITLE));
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
        assertLedgerResyncs(report.rows(LedgerResyncBenchmark.TITLE));
    }

    /**
     * B1: a route without a results route holds no one; with one, the person guard holds the people it sends (one
     * warm-up and one measured round of 5,000 people: the store is not full); with a ledger per round, every person
     * of the round.
     */
    private static void assertPeopleHeld(List<Report.Row> rows) {
        Map<String, Map<String, String>> byVariant = new HashMap<>();
        rows.forEach(row -> byVariant.put(row.variant(), row.figures()));
        assertEquals("0", byVariant.get("deepenrich:bulk (ours)").get("people held after a round"), "B1 defaults");
        Map<String, String> holding = byVariant.get(SubmitThroughputBenchmark.WITH_RESULTS_ROUTE);
        assertEquals("10,000", holding.get("people held after a round"), "B1 with a results route: " + holding);
        assertEquals("0", holding.get("sent without a hold (measured rounds)"), "B1 with a results route: " + holding);
        Map<String, String> everyone = byVariant.get(SubmitThroughputBenchmark.EVERY_PERSON_HELD);
        assertEquals("5,000", everyone.get("people held after a round"), "B1 a ledger per round: " + everyone);
        assertEquals("0", everyone.get("sent without a hold (measured rounds)"), "B1 a ledger per round: " + everyone);
    }

    /**
     * B4, the canonical route in a 32 MB heap, its results never coming back or coming by webhook: each run completes
     * with every contact at the API once and at most maxPendingBatches (4) batches unanswered (plus a timeout
     * completion, which never waits), and with results by webhook every contact's result is emitted once.
     */
    private static void assertMemoryRuns(List<Report.Row> rows) {
        assertEquals(List.of(MemoryBenchmark.CANONICAL, MemoryBenchmark.CANONICAL_WEBHOOK),
                rows.stream().map(Report.Row::variant).toList(), "B4 runs the canonical route at quick scale");
        for (Report.Row row : rows) {
            Map<String, String> run = row.figures();
            assertEquals("32m", run.get("-Xmx"), row.variant());
            assertEquals("completed", run.get("outcome"), () -> "B4 " + row.variant() + ": " + run);
            assertEquals("10,000", run.get("contacts at API"), () -> "B4 " + row.variant() + ": " + run);
            assertEquals("10,000", run.get("distinct leads at API"), () -> "B4 " + row.variant() + ": " + run);
            assertTrue(Integer.parseInt(run.get("peak pending batches")) <= 4 + 1, () -> "B4 " + row.variant()
                                                                                         + ": " + run);
        }
        Map<String, String> webhook = rows.get(1).figures();
        assertEquals(webhook.get("requests"), webhook.get("results emitted"), "B4 one result per request: " + webhook);
        assertEquals("10,000", webhook.get("contacts emitted"), "B4 every contact's result emitted: " + webhook);
        assertEquals("0", webhook.get("emitted twice"), "B4 no result emitted twice: " + webhook);
    }

    /**
     * B7, on the file ledger and on PostgreSQL: every day-2 row answered once, and with the reuse window only the
     * changed and new people sent.
     */
    private static void assertLedgerResyncs(List<Report.Row> rows) {
        assertEquals(List.of(LedgerResyncBenchmark.FILE, LedgerResyncBenchmark.POSTGRESQL),
                rows.stream().map(Report.Row::variant).toList(), "B7 ledgers");
        for (Report.Row row : rows) {
            Map<String, String> run = row.figures();
            assertEquals("completed", run.get("outcome"), () -> "B7 " + row.variant() + ": " + run);
            assertEquals("20", run.get("day 1 requests"), () -> "B7 day 1, 2,000 leads in requests of 100: " + run);
            assertEquals(run.get("rows"), run.get("answered"), () -> "B7 every row answered: " + run);
            assertEquals("0", run.get("answered again"), () -> "B7 no row answered twice: " + run);
            assertEquals(run.get("changed + new"), run.get("contacts sent"),
                    () -> "B7 only the changed and new people sent: " + run);
            assertEquals("0", run.get("429s"), () -> "B7 429s: " + run);
        }
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
