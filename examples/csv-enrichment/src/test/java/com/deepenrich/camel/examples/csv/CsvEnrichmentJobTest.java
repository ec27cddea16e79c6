package com.deepenrich.camel.examples.csv;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.deepenrich.camel.examples.simulator.DeepEnrichSimulator;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The main job end to end against the DeepEnrich simulator on 127.0.0.1, in this JVM. */
@Timeout(60)
class CsvEnrichmentJobTest {

    private static final Set<String> API_OUTCOMES = Set.of("FOUND", "NOT_FOUND");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    /** Runs the job with these options (names and values); without api-key, offline whatever the environment. */
    private JobSummary run(String... namesAndValues) throws Exception {
        Map<String, String> options = JobFixtures.options("api-key", "");
        options.putAll(JobFixtures.options(namesAndValues));
        return new CsvEnrichmentApp(options, new PrintStream(console, true, StandardCharsets.UTF_8)).run();
    }

    @Test
    void everySampleRowComesOutOnceWithItsColumnsAndTheInvalidOnesRejected() throws Exception {
        Path output = dir.resolve("enriched.csv");
        int port = JobFixtures.freePort();
        try (DeepEnrichSimulator simulator = JobFixtures.startSimulator()) {
            JobSummary summary = run("input", JobFixtures.sample().toString(), "output", output.toString(),
                    "work-dir", dir.resolve("work").toString(), "api-key", JobFixtures.API_KEY,
                    "base-url", simulator.baseUrl(), "requests-per-minute", "6000",
                    "http-port", Integer.toString(port),
                    "callback-url", "http://127.0.0.1:" + port + "/deepenrich/results");

            assertEquals(994, simulator.stats().contactsSubmitted());
            assertEquals(0, simulator.stats().duplicateContactSubmissions());
            assertEquals(10, simulator.stats().submissions());
            assertEquals(1000, summary.rows());
            assertEquals(6, summary.count(RowResult.REJECTED));
            assertEquals(summary.rows(), summary.submitted() + summary.count(RowResult.REJECTED),
                    "submitted + rejected");
        }
        List<CSVRecord> input = JobFixtures.read(JobFixtures.sample());
        List<CSVRecord> enriched = JobFixtures.read(output);
        assertEquals(input.size(), enriched.size(), "one output row per input row");
        for (int i = 0; i < input.size(); i++) {
            CSVRecord in = input.get(i);
            CSVRecord out = enriched.get(i);
            for (String column : SampleContactsGenerator.HEADER) {
                assertEquals(in.get(column), out.get(column), "row " + (i + 1) + " column " + column);
            }
            boolean invalid = SampleContactsGenerator.INVALID_ROWS.containsKey(i + 1);
            String outcome = out.get("outcome");
            assertEquals(invalid, outcome.equals(RowResult.REJECTED), "row " + (i + 1) + " outcome " + outcome);
            if (invalid) {
                assertFalse(out.get("reason").isBlank(), "a rejected row says why");
            } else {
                assertTrue(API_OUTCOMES.contains(outcome), "row " + (i + 1) + " outcome " + outcome);
                assertEquals(outcome.equals("FOUND"), !out.get("email").isBlank(), "row " + (i + 1));
            }
        }
        Map<String, Long> found = enriched.stream()
                .collect(Collectors.groupingBy(r -> r.get("outcome"), Collectors.counting()));
        assertTrue(found.get("FOUND") > 0 && found.get("NOT_FOUND") > 0, "both outcomes occur: " + found);
        assertFalse(Files.exists(dir.resolve("work")), "a finished job leaves no state behind");
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("Output: " + output.toAbsolutePath()));
    }

    @Test
    void offlineByDefaultWithColumnsNamedByOptions() throws Exception {
        Path input = dir.resolve("crm-export.csv");
        Files.writeString(input, """
                Id,Given,Family,Employer,Web
                1,Ada,Lovelace,Analytical Engines,analytical.io
                2,Alan,Turing,,bletchley.co.uk
                3,Grace,Hopper,"Remington Rand, Inc.",
                4,Edsger,,Mathematisch Centrum,cwi.nl
                5,,,Nowhere Ltd,not a website
                """);
        Path output = dir.resolve("out.csv");

        JobSummary summary = run("input", input.toString(), "output", output.toString(),
                "work-dir", dir.resolve("work").toString(), "first-name-column", "Given",
                "last-name-column", "Family", "company-column", "Employer", "domain-column", "Web");

        assertEquals(5, summary.rows());
        assertEquals(3, summary.submitted());
        assertEquals(summary.rows(), summary.submitted() + summary.count(RowResult.REJECTED), "submitted + rejected");
        List<CSVRecord> rows = JobFixtures.read(output);
        assertEquals(List.of("1", "2", "3", "4", "5"), rows.stream().map(r -> r.get("Id")).toList());
        assertEquals("Remington Rand, Inc.", rows.get(2).get("Employer"));
        assertEquals(List.of(true, true, true, false, false),
                rows.stream().map(r -> API_OUTCOMES.contains(r.get("outcome"))).toList());
        assertEquals("lastname is required", rows.get(3).get("reason"));
        assertEquals("firstname is required; lastname is required; 'not a website' is not a domain name",
                rows.get(4).get("reason"), "one row for a contact with three problems, naming them all");
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("offline: embedded DeepEnrich simulator"));
    }

    @Test
    void pollsForResultsWhenThereIsNoCallbackUrl() throws Exception {
        Path input = dir.resolve("two.csv");
        Files.writeString(input, "first_name,last_name,domain\nKatherine,Johnson,nasa.gov\nDorothy,Vaughan,nasa.gov\n");
        Path output = dir.resolve("out.csv");
        try (DeepEnrichSimulator simulator = JobFixtures.startSimulator()) {
            JobSummary summary = run("input", input.toString(), "output", output.toString(),
                    "work-dir", dir.resolve("work").toString(), "api-key", JobFixtures.API_KEY,
                    "base-url", simulator.baseUrl(), "poll-interval", "100ms");

            assertEquals(2, summary.rows());
            assertEquals(0, simulator.stats().webhookAttempts());
            assertTrue(simulator.stats().requests("GET /contact/enrich/bulk/{id}") > 0);
        }
        assertEquals(2, JobFixtures.read(output).stream().filter(r -> API_OUTCOMES.contains(r.get("outcome")))
                .count());
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("by polling"));
    }

    @Test
    void namesTheOptionWhenNoInputIsGiven() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run("input", "", "work-dir", dir.resolve("work").toString()));

        assertTrue(e.getMessage().startsWith("Set the option input"), e.getMessage());
    }

    @Test
    void stopsOnAWrongApiKeyKeepingItsStateForTheNextRun() throws Exception {
        Path workDir = dir.resolve("work");
        try (DeepEnrichSimulator simulator = JobFixtures.startSimulator()) {
            IllegalStateException stopped = assertThrows(IllegalStateException.class,
                    () -> run("input", JobFixtures.sample().toString(), "output", dir.resolve("out.csv").toString(),
                            "work-dir", workDir.toString(), "api-key", "not-a-key", "base-url",
                            simulator.baseUrl(), "requests-per-minute", "6000"));

            assertTrue(stopped.getMessage().contains("error.api.key"), stopped.getMessage());
            assertEquals(0, simulator.stats().submissions());
        }
        assertFalse(Files.exists(dir.resolve("out.csv")), "no partial output");
        assertTrue(Files.exists(workDir), "the state stays for the next run");
    }
}
