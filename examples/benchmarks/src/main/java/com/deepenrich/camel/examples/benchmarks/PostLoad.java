package com.deepenrich.camel.examples.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/** POSTs bodies to one URL with at most {@code concurrency} in flight, timing each request from send to answer. */
final class PostLoad {

    /** Latency of each POST in milliseconds (in sending order), answers counted by status, and the wall time. */
    record Outcome(double[] latencyMillis, Map<Integer, Integer> statuses, double seconds) {
    }

    private final HttpClient client = HttpClient.newHttpClient();
    private final int concurrency;

    PostLoad(int concurrency) {
        this.concurrency = concurrency;
    }

    Outcome post(URI url, List<byte[]> bodies) throws InterruptedException {
        Semaphore permits = new Semaphore(concurrency);
        double[] latency = new double[bodies.size()];
        int[] status = new int[bodies.size()];
        CompletableFuture<?>[] all = new CompletableFuture<?>[bodies.size()];
        long start = System.nanoTime();
        for (int i = 0; i < bodies.size(); i++) {
            int n = i;
            HttpRequest request = HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i))).build();
            permits.acquire();
            long sent = System.nanoTime();
            all[i] = client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                latency[n] = (System.nanoTime() - sent) / 1e6;
                status[n] = e == null ? r.statusCode() : -1;
                permits.release();
            });
        }
        CompletableFuture.allOf(all).exceptionally(e -> null).join();
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int s : status) {
            statuses.merge(s, 1, Integer::sum);
        }
        return new Outcome(latency, statuses, seconds);
    }
}
