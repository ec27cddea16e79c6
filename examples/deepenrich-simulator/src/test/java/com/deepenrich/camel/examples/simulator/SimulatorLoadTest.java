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

            run(http, bulk, WARM_UP);
            long bulkStart = System.nanoTime();
            long bulkAnswered = run(http, bulk, MEASURE);
            double bulkPerSecond = bulkAnswered / ((System.nanoTime() - bulkStart) / 1e9);
            run(http, credits, WARM_UP);
            long creditsStart = System.nanoTime();
            double creditsPerSecond = run(http, credits, MEASURE) / ((System.nanoTime() - creditsStart) / 1e9);

            System.out.printf(Locale.ROOT,
                    "POST /contact/enrich/bulk (100 contacts): %.0f requests/s (%.0f contacts/s)%n",
                    bulkPerSecond, bulkPerSecond * 100);
            System.out.printf(Locale.ROOT, "GET /account/credits: %.0f requests/s%n", creditsPerSecond);
            System.out.println(simulator.stats());
            assertTrue(bulkAnswered > 0, "bulk submissions answered");
            assertEquals(simulator.stats().submissions(), simulator.stats().requests("POST /contact/enrich/bulk"),
                    "every submission answered 200 became a job");
        }
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
