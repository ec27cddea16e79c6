package com.deepenrich.camel.examples.benchmarks.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.deepenrich.camel.DeepEnrichInDoubtException;
import com.deepenrich.camel.examples.benchmarks.SyntheticContacts;
import com.deepenrich.camel.model.SubmissionReceipt;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * What the component does when the API accepted a submission but its answer was lost (the connection dropped after
 * the request was read). The API has no idempotency key and no way to look a submission up by name, so the client
 * cannot tell a lost answer from a lost request. By default it does not send the batch again: the exchange fails
 * with a DeepEnrichInDoubtException carrying the contacts (the job's webhook will tell). With
 * {@code retryInDoubtSubmissions=true} it sends it again at once, and the API holds it twice (see reliability.md).
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

    private String baseUrl() {
        return "http://127.0.0.1:" + api.getAddress().getPort() + "/api/v1";
    }

    @Test
    void aSubmissionWhoseAnswerIsLostIsReportedInDoubtNotSentAgain() throws Exception {
        try (TestApp app = new TestApp(baseUrl())) {
            app.configuration().setRetryDelay(10);
            app.start();
            List<Map<String, Object>> contacts = SyntheticContacts.apiShaped(0, 150);

            Exchange out = app.template().request("deepenrich:bulk", e -> e.getMessage().setBody(contacts));

            DeepEnrichInDoubtException inDoubt = assertInstanceOf(DeepEnrichInDoubtException.class,
                    out.getException());
            assertEquals(1, posts.get(), "sent once: not retried blindly");
            assertEquals(contacts.subList(0, 100), inDoubt.getInDoubtContacts(), "the first request is in doubt");
            assertEquals(contacts.subList(100, 150), inDoubt.getUnsubmittedContacts(), "the rest was not sent");
            assertEquals(List.of(), inDoubt.getSubmittedIds());
        }
    }

    @Test
    void withBlindRetryASubmissionWhoseAnswerIsLostIsSentAgain() throws Exception {
        try (TestApp app = new TestApp(baseUrl())) {
            app.configuration().setRetryDelay(10);
            app.configuration().setRetryInDoubtSubmissions(true);
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
