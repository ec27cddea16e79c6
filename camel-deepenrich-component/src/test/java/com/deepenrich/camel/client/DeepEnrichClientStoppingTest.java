package com.deepenrich.camel.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.deepenrich.camel.metrics.DeepEnrichMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** A request its sender pool refuses (the component stopping) is not sent, and gives its place in the window back. */
class DeepEnrichClientStoppingTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void aRequestTheSendersRefuseGivesItsPlaceInTheWindowBack() throws Exception {
        // 600 a minute over a 100 ms window: one request per window, counted from its answer
        RateLimiter limiter = new RateLimiter(600, 100, scheduler);
        Executor stopping = task -> {
            throw new RejectedExecutionException("stopping");
        };
        DeepEnrichClient client = new DeepEnrichClient(HttpClient.newHttpClient(), stopping,
                new ClientSettings(URI.create("http://127.0.0.1:9/api/v1"), "key", Duration.ofSeconds(5),
                        new RetryPolicy(0, 10, 10)),
                limiter, scheduler, new DeepEnrichMetrics());

        assertThrows(CompletionException.class, () -> client.getCredits().join());

        // unanswered, its place would hold every later request back for good
        limiter.acquire().get(5, TimeUnit.SECONDS);
    }
}
