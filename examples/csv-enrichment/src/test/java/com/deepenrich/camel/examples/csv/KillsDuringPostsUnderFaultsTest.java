package com.deepenrich.camel.examples.csv;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.deepenrich.camel.NodeProcess;
import com.deepenrich.camel.examples.simulator.DeepEnrichSimulator;
import com.deepenrich.camel.examples.simulator.SimulatorConfig;
import com.deepenrich.camel.examples.simulator.SimulatorStats;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The job killed (SIGKILL) three times while its requests are in flight, against an API that loses some answers
 * after accepting the request, resets connections and fails with 500s: no contact is sent twice (a batch whose
 * answer was lost, or that a kill interrupted, waits for its webhook before its rows are sent again, counted again
 * from each restart) and no row is lost. The kills land at once or while the API holds the answers of requests it
 * accepted.
 */
@Timeout(180)
class KillsDuringPostsUnderFaultsTest {

    private static final int KILLS = 3;
    private static final long[] KILL_DELAYS_MILLIS = {0, 120, 240};

    @TempDir
    Path dir;

    @Test
    void noContactSentTwiceAndNoRowLost() throws Exception {
        Path output = dir.resolve("enriched.csv");
        int port = JobFixtures.freePort();
        try (DeepEnrichSimulator simulator = DeepEnrichSimulator.start(SimulatorConfig.builder()
                .apiKeys(Set.of(JobFixtures.API_KEY)).requestsPerMinute(0)
                .answerLostRate(0.15).connectionResetRate(0.05).serverErrorRate(0.10)
                // answers take 300 ms, so a kill lands while requests are in flight
                .responseLatency(Duration.ofMillis(300)).processingLatency(Duration.ofMillis(200))
                // webhooks outlive a restart of the job
                .webhookRetryInterval(Duration.ofMillis(500)).webhookMaxRetries(40).seed(11).build())) {
            Map<String, String> args = JobFixtures.restartableJob(dir, output, port, simulator.baseUrl(),
                    "requests-per-minute", "600", "in-doubt-wait", "6s");
            List<String> banners = new ArrayList<>();
            for (int kill = 1; kill <= KILLS; kill++) {
                NodeProcess run = JobFixtures.startJob(args);
                long before = simulator.stats().requests("POST /contact/enrich/bulk");
                run.await("two more requests in flight",
                        () -> simulator.stats().requests("POST /contact/enrich/bulk") >= before + 2);
                // at once, or while the API holds its answers (300 ms): accepted but not answered
                Thread.sleep(KILL_DELAYS_MILLIS[kill - 1]);
                run.kill();
                banners.addAll(run.lines().stream().filter(l -> l.contains("resuming")).toList());
            }
            NodeProcess last = JobFixtures.startJob(args);
            assertEquals(0, last.waitFor(), last.output());
            banners.addAll(last.lines().stream().filter(l -> l.contains("resuming")).toList());

            SimulatorStats stats = simulator.stats();
            System.out.println("kills during POSTs under faults: " + stats + "; " + banners);
            assertTrue(stats.lostAnswers() > 0, "the API lost answers: " + stats);
            assertEquals(0, stats.duplicateContactSubmissions(), "contacts sent twice: " + stats);
            assertEquals(994, stats.contactsSubmitted(), "every valid contact sent once: " + stats);
        }
        List<CSVRecord> rows = JobFixtures.read(output);
        assertEquals(JobFixtures.read(JobFixtures.sample()).stream().map(r -> r.get("lead_id")).toList(),
                rows.stream().map(r -> r.get("lead_id")).toList(), "every input row once, in input order");
        assertTrue(rows.stream().noneMatch(r -> r.get("outcome").isBlank()), "every row has an outcome");
        assertEquals(6, rows.stream().filter(r -> r.get("outcome").equals(RowResult.REJECTED)).count());
    }
}
