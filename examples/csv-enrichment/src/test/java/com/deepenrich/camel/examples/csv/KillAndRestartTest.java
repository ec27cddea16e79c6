package com.deepenrich.camel.examples.csv;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.deepenrich.camel.NodeProcess;
import com.deepenrich.camel.examples.simulator.DeepEnrichSimulator;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The job killed (SIGKILL) in a child JVM once some but not all batches were accepted, then run again on the same
 * work dir and the same simulator: it finishes without sending any contact twice, and every row is in the output
 * exactly once.
 */
@Timeout(90)
class KillAndRestartTest {

    private static final int BATCHES_BEFORE_KILL = 3;

    @TempDir
    Path dir;

    @Test
    void resumesWithoutSendingAnyContactTwice() throws Exception {
        Path output = dir.resolve("enriched.csv");
        int port = JobFixtures.freePort();
        // a job accepted just before the kill has its webhook retried (5 times, 3 s apart) until the restarted job
        // listens on the same port, within the in-doubt wait of its batch: the batch is resolved, not sent again
        try (DeepEnrichSimulator simulator = DeepEnrichSimulator.start(
                JobFixtures.simulatorConfig().webhookRetryInterval(Duration.ofSeconds(3)).build())) {
            Map<String, String> args = JobFixtures.restartableJob(dir, output, port, simulator.baseUrl(),
                    // one request a second: the kill lands part-way through the job's 10 requests
                    "requests-per-minute", "60",
                    // a batch recorded but not yet accepted when the kill came waits this long for a webhook
                    "in-doubt-wait", "20s");

            NodeProcess first = JobFixtures.startJob(args);
            first.await(BATCHES_BEFORE_KILL + " batches accepted", () -> acceptedBatches(first) >= BATCHES_BEFORE_KILL);
            first.kill();
            long acceptedBeforeKill = simulator.stats().submissions();
            assertTrue(acceptedBeforeKill >= BATCHES_BEFORE_KILL && acceptedBeforeKill < 10,
                    "precondition: the kill came part-way, with batches left to send: " + acceptedBeforeKill);

            NodeProcess second = JobFixtures.startJob(args);
            assertEquals(0, second.waitFor(), second.output());

            assertTrue(second.lines().stream().anyMatch(l -> l.contains("resuming")), "the second run resumed");
            assertEquals(0, simulator.stats().duplicateContactSubmissions());
            assertEquals(994, simulator.stats().contactsSubmitted());
        }
        List<CSVRecord> rows = JobFixtures.read(output);
        List<String> ids = rows.stream().map(r -> r.get("lead_id")).toList();
        assertEquals(JobFixtures.read(JobFixtures.sample()).stream().map(r -> r.get("lead_id")).toList(), ids,
                "every input row once, in input order");
        assertEquals(6, rows.stream().filter(r -> r.get("outcome").equals(RowResult.REJECTED)).count());
    }

    static long acceptedBatches(NodeProcess child) {
        return child.lines().stream().filter(l -> l.contains("contacts accepted as enrichment")).count();
    }
}
