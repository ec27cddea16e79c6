package com.deepenrich.camel.examples.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A small HTTP client of the simulator for tests, authenticated with {@code Bearer sim-key} unless told otherwise.
 */
final class SimulatorClient {

    static final String AUTHORIZATION = "Bearer sim-key";
    static final ObjectMapper JSON = new ObjectMapper();

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    record Reply(int status, JsonNode json, HttpHeaders headers) {
    }

    private final String baseUrl;

    SimulatorClient(DeepEnrichSimulator simulator) {
        this.baseUrl = simulator.baseUrl();
    }

    Reply get(String path) throws IOException, InterruptedException {
        return send(request(path, AUTHORIZATION).GET());
    }

    /** GET with the given Authorization header, or none when null. */
    Reply get(String path, String authorization) throws IOException, InterruptedException {
        return send(request(path, authorization).GET());
    }

    Reply post(String path, String body) throws IOException, InterruptedException {
        return send(request(path, AUTHORIZATION)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Submits a bulk request that must be accepted; returns its enrichment id. */
    String submit(Object body) throws IOException, InterruptedException {
        Reply reply = post("/contact/enrich/bulk", body instanceof String text ? text : JSON.writeValueAsString(body));
        assertEquals(200, reply.status(), () -> "submit answered " + reply.json());
        return reply.json().get("enrichment_id").asText();
    }

    JsonNode result(String id) throws IOException, InterruptedException {
        Reply reply = get("/contact/enrich/bulk/" + id);
        assertEquals(200, reply.status(), () -> "result answered " + reply.json());
        return reply.json();
    }

    /** Polls the result every 20 ms until it has a final status; fails after the timeout. */
    JsonNode awaitFinal(String id, Duration timeout) throws IOException, InterruptedException {
        return awaitResult(id, timeout, result -> JobStatus.valueOf(result.get("status").asText()).isFinal());
    }

    JsonNode awaitResult(String id, Duration timeout, Predicate<JsonNode> done)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode result = result(id);
        while (!done.test(result)) {
            if (System.nanoTime() > deadline) {
                fail("Enrichment " + id + " not done after " + timeout + ": " + result);
            }
            Thread.sleep(20);
            result = result(id);
        }
        return result;
    }

    private HttpRequest.Builder request(String path, String authorization) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private static Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), JSON.readTree(response.body()), response.headers());
    }
}
