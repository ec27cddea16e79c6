package com.deepenrich.camel.examples.simulator;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulator's sliding window: over HTTP with a window of an hour (every request of the test falls in it), and
 * the window's sliding on the limiter itself at given instants.
 */
class RateLimitTest {

    private static final long WINDOW = Duration.ofSeconds(1).toNanos();

    @Test
    void sixthRequestInTheWindowIsRateLimitedWithTheDocumentedBody() throws Exception {
        try (DeepEnrichSimulator simulator = DeepEnrichSimulator.start(SimulatorConfig.builder()
                .apiKeys(Set.of("sim-key", "other-key"))
                .requestsPerMinute(5)
                .rateWindow(Duration.ofHours(1))
                .build())) {
            SimulatorClient client = new SimulatorClient(simulator);
            for (int i = 0; i < 5; i++) {
                assertEquals(200, client.get(i % 2 == 0 ? "/account/credits" : "/account/keys/verify").status());
            }

            SimulatorClient.Reply sixth = client.get("/contact/enrich/bulk/any-id");

            assertEquals(429, sixth.status());
            assertEquals(Fixtures.error("429 rate limited"), sixth.json());
            assertTrue(sixth.headers().map().keySet().stream()
                    .noneMatch(
                            name -> name.toLowerCase().contains("ratelimit") || name.equalsIgnoreCase("retry-after")));
            assertEquals(1, simulator.stats().rateLimited429());
            assertEquals(200, client.get("/account/credits", "Bearer other-key").status(), "limits are per key");
        }
    }

    @Test
    void aRequestIsAllowedAgainOnceTheOldestOfTheWindowLeftIt() {
        RateLimiter limiter = new RateLimiter(5, Duration.ofNanos(WINDOW));
        for (long at = 0; at < 5; at++) {
            assertTrue(limiter.tryAcquire("sim-key", at * 100), "request " + at);
        }

        assertFalse(limiter.tryAcquire("sim-key", WINDOW - 1), "the first request is still in the window");
        assertTrue(limiter.tryAcquire("other-key", WINDOW - 1), "limits are per key");
        assertTrue(limiter.tryAcquire("sim-key", WINDOW), "the first request left the window");
        assertFalse(limiter.tryAcquire("sim-key", WINDOW + 99), "the second is still in it; refusals do not count");
        assertTrue(limiter.tryAcquire("sim-key", WINDOW + 100));
    }
}
