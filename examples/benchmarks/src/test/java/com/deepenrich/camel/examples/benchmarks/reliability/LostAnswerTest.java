package com.deepenrich.camel.examples.benchmarks.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.deepenrich.camel.examples.benchmarks.SyntheticContacts;
import com.deepenrich.camel.model.SubmissionReceipt;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the component does when the API accepted a submission but its answer was lost (the connection dropped after
 * the request was read). The simulator cannot show it: its injected resets happen before a request is handled.
 * The API has no idempotency key and no way to look a submission up by name, so the client cannot tell a lost answer
 * from a lost request: it sends the batch again, and the API holds it twice. This test pins that behaviour down
 * (see reliability.md); a change to it must change this test.
 */
class LostAnswerTest {

    private final AtomicInteger posts = new AtomicInteger();
    private final HttpServer api = startApi();

    private HttpServer startApi() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            server.createContext("/api/v1/contact/enrich/bulk", this::acceptThenLoseTheFirstAnswer);
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void acceptThenLoseTheFirstAnswer(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
        }
        int n = posts.incrementAndGet();
        if (n == 1) {
            exchange.close(); // accepted, then the connection drops before any answer
            return;
        }
        byte[] answer = ("{\"enrichment_id\":\"id-" + n + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    @AfterEach
    void stopApi() {
        api.stop(0);
    }

    @Test
    void aSubmissionWhoseAnswerIsLostIsSentAgain() throws Exception {
        try (TestApp app = new TestApp("http://127.0.0.1:" + api.getAddress().getPort() + "/api/v1")) {
            app.configuration().setRetryDelay(10);
            app.start();

            SubmissionReceipt receipt = app.template().requestBody("deepenrich:bulk",
                    SyntheticContacts.apiShaped(0, 100), SubmissionReceipt.class);

            assertEquals(2, posts.get(), "the batch reached the API twice");
            assertEquals(List.of("id-2"), receipt.getEnrichmentIds(), "the receipt knows only the second job");
            assertEquals(100, receipt.getReceived(), "received");
            assertEquals(receipt.getReceived(), receipt.getSubmitted() + receipt.getRejections().size(),
                    "submitted + rejected = received");
        }
    }
}
