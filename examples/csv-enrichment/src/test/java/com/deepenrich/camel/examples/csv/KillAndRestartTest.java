package com.deepenrich.camel.examples.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

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
        try (DeepEnrichSimulator simulator = JobFixtures.startSimulator()) {
            List<String> args = List.of("--input", JobFixtures.sample().toString(), "--output", output.toString(),
                    "--work-dir", dir.resolve("work").toString(), "--api-key", JobFixtures.API_KEY,
                    "--base-url", simulator.baseUrl(), "--http-port", Integer.toString(port),
                    "--callback-url", "http://127.0.0.1:" + port + "/deepenrich/results",
                    // one request a second: the kill lands between two submissions, never during one
                    "--requests-per-minute", "60", "--poll-fallback-after", "1s", "--poll-interval", "500ms");

            Child first = Child.start(args);
            first.await(() -> acceptedBatches(first) >= BATCHES_BEFORE_KILL);
            first.kill();
            long acceptedBeforeKill = simulator.stats().submissions();
            assertEquals(BATCHES_BEFORE_KILL, acceptedBeforeKill, "the kill came before the next batch was sent");

            Child second = Child.start(args);
            assertEquals(0, second.waitFor(), String.join("\n", second.lines()));

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

    private static long acceptedBatches(Child child) {
        return child.lines().stream().filter(l -> l.contains("contacts accepted as enrichment")).count();
    }

    /** The job in its own JVM (this test's classpath), its output lines collected as they come. */
    private static final class Child {

        private final Process process;
        private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        private Child(Process process) {
            this.process = process;
            Thread reader = new Thread(this::readOutput, "child-output");
            reader.setDaemon(true);
            reader.start();
        }

        static Child start(List<String> jobArgs) throws IOException {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"),
                    "-Dorg.slf4j.simpleLogger.log.com.deepenrich.camel.examples.csv=info",
                    CsvEnrichmentApp.class.getName()));
            command.addAll(jobArgs);
            return new Child(new ProcessBuilder(command).redirectErrorStream(true).start());
        }

        private void readOutput() {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        List<String> lines() {
            synchronized (lines) {
                return List.copyOf(lines);
            }
        }

        /** Waits (bounded) until the condition holds; fails if the child ends first. */
        void await(BooleanSupplier condition) throws InterruptedException {
            for (int i = 0; i < 3_000; i++) {
                if (condition.getAsBoolean()) {
                    return;
                }
                if (!process.isAlive()) {
                    throw new AssertionError("the job ended before the condition held:\n" + String.join("\n", lines()));
                }
                Thread.sleep(10);
            }
            throw new AssertionError("condition not reached in 30 s:\n" + String.join("\n", lines()));
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }

        int waitFor() throws InterruptedException {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the job did not end in 60 s:\n" + String.join("\n", lines()));
            }
            return process.exitValue();
        }
    }
}
