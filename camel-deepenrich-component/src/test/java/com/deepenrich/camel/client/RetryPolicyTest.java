package com.deepenrich.camel.client;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wait before each retry: Camel's BackOff doubling up to the cap, with jitter, and what the server asks. */
class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(5, 1000, 5000);

    @Test
    void theDelayDoublesUpToTheCapWithJitterInItsUpperHalf() {
        long[] base = {1000, 2000, 4000, 5000, 5000};
        for (int retry = 1; retry <= base.length; retry++) {
            for (int draw = 0; draw < 50; draw++) {
                long delay = policy.backoffMillis(retry);
                assertTrue(delay >= base[retry - 1] / 2 && delay <= base[retry - 1],
                        "retry " + retry + ": " + delay + " ms");
            }
        }
        assertEquals(5, policy.maxRetries());
    }

    @Test
    void theServersRetryAfterIsWaitedOutUpToTheCap() {
        ApiResponse asksThreeSeconds = new ApiResponse(429, new byte[0], Optional.of("3"));
        ApiResponse asksAMinute = new ApiResponse(429, new byte[0], Optional.empty());

        long delay = policy.delayMillis(1, asksThreeSeconds, null);
        assertTrue(delay >= 3000 && delay <= 5000, delay + " ms");
        assertEquals(5000, policy.delayMillis(1, asksAMinute, "Too many requests. Try again in 1m"));
    }
}
