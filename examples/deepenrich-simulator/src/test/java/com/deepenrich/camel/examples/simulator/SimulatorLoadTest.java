package com.deepenrich.camel.examples.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bounded load test on loopback: requests per second of POST bulk (100 contacts) and of GET credits, with the
 * figures printed (see target/surefire-reports/*-output.txt, or run with -Dsurefire.redirectTestOutputToFile=false).
 * Under that load every request is answered 200 and every submission becomes a job. Tagged {@code load}, which the
 * module's build leaves out; run it with {@code -DexcludedGroups=none -Dtest=SimulatorLoadTest}.
 */
@Tag("load")
class SimulatorLoadTest {

    private static final int CLIENT_THREADS = 16;
    private static final Duration WARM_UP = Duration.ofMillis(500);
    private static final Duration MEASURE = Duration.ofSeconds(2);

    @Test
    void answersEveryBulkSubmissionAndCreditReadUnderLoadAndPrintsTheThroughput() throws Exception {
        try (DeepEnrichSimulator simulator = DeepEnrichSimulator.start(SimulatorConfig.builder()
                .requestsPerMinute(0).processingLatency(Duration.ofMillis(500)).build())) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest bulk = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/contact/enrich/bulk"))
                    .header("Authorization", SimulatorClient.AUTHORIZATION)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Fixtures.people("load", 100).toString()))
                    .build();
            HttpRequest credits = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/account/credits"))
                    .header("Authorization", SimulatorClient.AUTHORIZATION)
                    .build();

            Measured bulkSubmissions = measure(http, bulk);
            Measured creditReads = measure(http, credits);

            System.out.printf(Locale.ROOT,
                    "POST /contact/enrich/bulk (100 contacts): %.0f requests/s (%.0f contacts/s)%n",
                    bulkSubmissions.perSecond(), bulkSubmissions.perSecond() * 100);
            System.out.printf(Locale.ROOT, "GET /account/credits: %.0f requests/s%n", creditReads.perSecond());
            System.out.println(simulator.stats());
            assertTrue(bulkSubmissions.answered() > 0 && creditReads.answered() > 0, "requests answered");
            assertEquals(simulator.stats().submissions(), simulator.stats().requests("POST /contact/enrich/bulk"),
                    "every submission answered 200 became a job");
        }
    }

    private record Measured(long answered, double perSecond) {
    }

    /** Requests answered 200 in {@link #MEASURE}, after a warm-up, and their rate. */
    private static Measured measure(HttpClient http, HttpRequest request) throws Exception {
        run(http, request, WARM_UP);
        long start = System.nanoTime();
        long answered = run(http, request, MEASURE);
        return new Measured(answered, answered / ((System.nanoTime() - start) / 1e9));
    }

    /** Requests answered by {@value #CLIENT_THREADS} threads in a loop for {@code duration}; each must be 200. */
    private static long run(HttpClient http, HttpRequest request, Duration duration) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENT_THREADS);
        try {
            long deadline = System.nanoTime() + duration.toNanos();
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < CLIENT_THREADS; i++) {
                results.add(clients.submit(() -> {
                    long ok = 0;
                    while (System.nanoTime() < deadline) {
                        assertEquals(200, http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
                        ok++;
                    }
                    return ok;
                }));
            }
            long total = 0;
            for (Future<Long> result : results) {
                total += result.get();
            }
            return total;
        } finally {
            clients.shutdownNow();
        }
    }
}
