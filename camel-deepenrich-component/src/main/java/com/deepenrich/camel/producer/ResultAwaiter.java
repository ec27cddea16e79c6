package com.deepenrich.camel.producer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.deepenrich.camel.DeepEnrichTimeoutException;
import com.deepenrich.camel.client.DeepEnrichClient;
import com.deepenrich.camel.client.Futures;
import com.deepenrich.camel.model.EnrichmentResult;

/**
 * Waits for enrichments to reach a final status by reading them every {@code pollInterval} (through the rate
 * limiter), on the scheduler: no thread waits. Fails with a {@link DeepEnrichTimeoutException} naming the ids
 * still running once {@code timeout} has passed.
 */
final class ResultAwaiter {

    private final DeepEnrichClient client;
    private final ScheduledExecutorService scheduler;
    private final long pollIntervalMillis;
    private final long timeoutMillis;

    ResultAwaiter(DeepEnrichClient client, ScheduledExecutorService scheduler, long pollIntervalMillis,
                  long timeoutMillis) {
        this.client = client;
        this.scheduler = scheduler;
        this.pollIntervalMillis = pollIntervalMillis;
        this.timeoutMillis = timeoutMillis;
    }

    /** Completes with the final results in the order of {@code ids}. */
    CompletableFuture<List<EnrichmentResult>> await(List<String> ids, String requestName) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        List<CompletableFuture<EnrichmentResult>> each = ids.stream().map(id -> poll(id, deadline)).toList();
        return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new)).thenApply(allDone -> {
            List<String> pending = new ArrayList<>();
            List<EnrichmentResult> results = new ArrayList<>(ids.size());
            for (int i = 0; i < ids.size(); i++) {
                EnrichmentResult result = each.get(i).join();
                if (result == null) {
                    pending.add(ids.get(i));
                } else {
                    results.add(result);
                }
            }
            if (!pending.isEmpty()) {
                throw new DeepEnrichTimeoutException(pending, requestName, timeoutMillis);
            }
            return results;
        });
    }

    /** The final result, or null when the deadline came first. */
    private CompletableFuture<EnrichmentResult> poll(String id, long deadline) {
        return client.getResult(id, false).thenCompose(result -> {
            if (result.getStatus().isFinal()) {
                return CompletableFuture.completedFuture(result);
            }
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return CompletableFuture.completedFuture(null);
            }
            return Futures.after(scheduler, Math.min(pollIntervalMillis, left), () -> poll(id, deadline));
        });
    }
}
