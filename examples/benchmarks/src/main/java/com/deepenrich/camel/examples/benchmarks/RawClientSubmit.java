package com.deepenrich.camel.examples.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Baseline (b): a loop over the contacts on the JDK's asynchronous HTTP client, {@code batchSize} contacts per
 * request ({@link HandWrittenBulkRequest}) and at most {@code concurrency} requests in flight. With
 * {@code batchSize} 1 it is the one-request-per-contact integration.
 */
public final class RawClientSubmit implements SubmitVariant {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final URI bulkUrl;
    private final int batchSize;
    private final Semaphore inFlight;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, Threads.daemon("raw-client"));
    private final HttpClient client = HttpClient.newBuilder().executor(executor).build();
    private final Progress acknowledged = new Progress();

    public RawClientSubmit(String bulkUrl, int batchSize, int concurrency) {
        this.bulkUrl = URI.create(bulkUrl);
        this.batchSize = batchSize;
        this.inFlight = new Semaphore(concurrency);
    }

    @Override
    public String name() {
        return batchSize == 1 ? "one request per contact" : "raw java.net.http loop";
    }

    @Override
    public void submit(List<Map<String, Object>> contacts) throws Exception {
        acknowledged.reset();
        for (int from = 0; from < contacts.size(); from += batchSize) {
            send(contacts.subList(from, Math.min(contacts.size(), from + batchSize)));
        }
        acknowledged.awaitAtLeast(contacts.size(), Progress.STALL);
    }

    private void send(List<Map<String, Object>> batch) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(bulkUrl)
                .header("Authorization", "Bearer " + BenchmarkMain.API_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(HandWrittenBulkRequest.write("raw", batch)))
                .build();
        inFlight.acquire();
        client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, failure) -> {
            inFlight.release();
            try {
                if (failure != null) {
                    throw failure;
                }
                if (MAPPER.readTree(response.body()).path("enrichment_id").asText().isEmpty()) {
                    throw new IllegalStateException("no enrichment_id in " + new String(response.body()));
                }
                acknowledged.add(batch.size());
            } catch (Throwable e) {
                acknowledged.fail(e);
            }
        });
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
