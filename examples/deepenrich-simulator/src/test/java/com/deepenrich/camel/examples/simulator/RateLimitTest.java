package com.deepenrich.camel.examples.simulator;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimitTest {

    @Test
    void sixthRequestInTheWindowIsRateLimitedWithTheDocumentedBody() throws Exception {
        Duration window = Duration.ofSeconds(1);
        try (DeepEnrichSimulator simulator = DeepEnrichSimulator.start(SimulatorConfig.builder()
                .apiKeys(Set.of("sim-key", "other-key"))
                .requestsPerMinute(5)
                .rateWindow(window)
                .build())) {
            SimulatorClient client = new SimulatorClient(simulator);
            long start = System.nanoTime();
            assertEquals(200, client.get("/account/credits").status());
            long firstAnswered = System.nanoTime();
            for (int i = 1; i < 5; i++) {
                assertEquals(200, client.get(i % 2 == 0 ? "/account/credits" : "/account/keys/verify").status());
            }

            SimulatorClient.Reply sixth = client.get("/contact/enrich/bulk/any-id");
            assertTrue(System.nanoTime() - start < window.toNanos(), "precondition: six requests within the window");

            assertEquals(429, sixth.status());
            assertEquals(Fixtures.error("429 rate limited"), sixth.json());
            assertTrue(sixth.headers().map().keySet().stream()
                    .noneMatch(
                            name -> name.toLowerCase().contains("ratelimit") || name.equalsIgnoreCase("retry-after")));
            assertEquals(1, simulator.stats().rateLimited429());
            assertEquals(200, client.get("/account/credits", "Bearer other-key").status(), "limits are per key");

            Thread.sleep(Math.max(0, window.toMillis() - (System.nanoTime() - firstAnswered) / 1_000_000) + 20);
            assertEquals(200, client.get("/account/credits").status(), "allowed again once the window slid");
        }
    }
}
