package com.deepenrich.camel;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.deepenrich.camel.ledger.CreditsTotals;
import com.deepenrich.camel.ledger.DeepEnrichLedger;
import com.deepenrich.camel.model.Contact;
import com.deepenrich.camel.model.DeepEnrichJson;
import com.deepenrich.camel.model.EnrichedContact;
import com.deepenrich.camel.model.EnrichmentResult;
import com.deepenrich.camel.model.PersonIdentity;
import com.deepenrich.camel.model.SubmissionReceipt;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.deepenrich.camel.WireMockApi.contact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A result that overtakes its request's answer: DeepEnrich's webhook arrives while the POST that created the
 * enrichment has not been answered yet (the API answers it only once the webhook was processed). Everything the
 * ledger keeps for the request is found by the request's key, so the result answers the contacts waiting for its
 * people, stores its people's results for reuse, and settles the request's credits; and the request was never in
 * doubt. Each ledger kind runs it (a subclass gives the ledger).
 */
abstract class ResultBeforeAnswerTest extends WebhookTestSupport {

    private static final String TOKEN = "s3cret";
    private final HeldAnswers bulkApi = new HeldAnswers();
    private DeepEnrichLedger ledger;

    /** A fresh, empty ledger of the kind under test. */
    abstract DeepEnrichLedger newLedger() throws Exception;

    @Override
    protected RoutesBuilder createRouteBuilder() throws Exception {
        ledger = newLedger();
        context.getRegistry().bind("ledger", ledger);
        return new RouteBuilder() {

            @Override
            public void configure() {
                from(WEBHOOK + "&callbackToken=" + TOKEN + "&pollFallbackAfter=600000&ledger=#ledger")
                        .routeId("results")
                        .to("mock:results");
            }
        };
    }

    @AfterEach
    void stopBulkApi() {
        bulkApi.close();
    }

    private String bulk() {
        return "deepenrich:bulk?name=crm&callbackToken=" + TOKEN + "&ledger=#ledger&reuseResultsWithin=1d"
               + "&creditsBudget=1000&baseUrl=" + bulkApi.baseUrl();
    }

    @Test
    void theResultAnswersWaitingContactsStoresItsPeopleAndSettlesItsCreditsBeforeTheAnswerComes() throws Exception {
        try (LogCapture log = new LogCapture()) {
            CompletableFuture<Exchange> first = template.asyncSend(bulk(),
                    e -> e.getMessage().setBody(List.of(contact(0), contact(1))));
            String requestName = bulkApi.awaitRequest();
            SubmissionReceipt waiting = template.requestBody(bulk(), List.of(respelled(1, 2)),
                    SubmissionReceipt.class);
            assertEquals(1, waiting.getDeduplicated(), "her person is being enriched");
            results().expectedMessageCount(1);

            assertEquals(200, deliver("?token=" + TOKEN, resultOf("id-0", requestName)).statusCode());
            results().assertIsSatisfied();
            bulkApi.answer("id-0");
            Exchange answered = first.get(30, TimeUnit.SECONDS);

            assertNull(answered.getException());
            assertEquals(List.of("id-0"), answered.getMessage().getBody(SubmissionReceipt.class).getEnrichmentIds());
            EnrichmentResult emitted = results().getExchanges().get(0).getMessage().getBody(EnrichmentResult.class);
            assertEquals(List.of("0", "1", "2"), emitted.getContacts().stream().map(c -> c.getCustom().get("seq"))
                    .sorted().toList(), "the waiting contact answered with the result");
            assertTrue(emitted.getContacts().stream().filter(c -> "2".equals(c.getCustom().get("seq")))
                    .allMatch(EnrichedContact::isDeduplicated));
            DeepEnrichEndpoint endpoint = context.getEndpoint(bulk(), DeepEnrichEndpoint.class);
            Awaitility.await("the result settled the request's reservation into its cost")
                    .until(() -> endpoint.getAccountCredits().totals().equals(new CreditsTotals(0, 2)));
            for (int seq : List.of(0, 1)) {
                assertTrue(ledger.people().storedResult(person(contact(seq)), Instant.now()).isPresent(),
                        "her result is stored for reuse: " + seq);
            }
            assertTrue(ledger.wire().records().isEmpty(), "nothing on the wire");
            assertTrue(ledger.pending().isEmpty(), "emitted and completed");
            assertTrue(ledger.people().holds().isEmpty(), "no one held");
            assertTrue(ledger.people().waiting().isEmpty(), "no one waiting");
            assertEquals(List.of(), log.lines("in doubt"), "never in doubt");

            SubmissionReceipt reused = template.requestBody(bulk(), List.of(respelled(0, 3)), SubmissionReceipt.class);
            assertEquals(1, reused.getReused(), "answered from her stored result");
            assertEquals(1, bulkApi.requests(), "one request in all");
        }
    }

    private static Contact respelled(int seq, int newSeq) {
        Contact c = contact(seq);
        return c.toBuilder().firstname(c.getFirstname().toUpperCase()).custom("seq", Integer.toString(newSeq))
                .build();
    }

    private static String person(Contact contact) {
        return PersonIdentity.person(contact, null);
    }

    /** The webhook DeepEnrich sends for the request {@code name}: contacts 0 and 1, both found (1 credit each). */
    private static String resultOf(String id, String name) {
        return DeepEnrichJson.writeString(Map.of("id", id, "name", name, "status", "FINISHED",
                "cost", Map.of("credits", 2), "datas", List.of(found(0), found(1))));
    }

    private static Map<String, Object> found(int seq) {
        String email = "first" + seq + ".last" + seq + "@example.com";
        return Map.of("custom", Map.of("seq", Integer.toString(seq)), "contact", Map.of("firstname", "First" + seq,
                "lastname", "Last" + seq, "most_probable_email", email, "most_probable_email_status", "DELIVERABLE",
                "emails", List.of(Map.of("email", email, "status", "DELIVERABLE"))));
    }

    /** A bulk endpoint on 127.0.0.1 that answers each POST only when told, with the id it is told. */
    private static final class HeldAnswers implements AutoCloseable {

        private final HttpServer server;
        private final List<String> names = new CopyOnWriteArrayList<>();
        private final CountDownLatch received = new CountDownLatch(1);
        private final CompletableFuture<String> answer = new CompletableFuture<>();

        HeldAnswers() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/contact/enrich/bulk", this::handle);
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.start();
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private void handle(HttpExchange exchange) throws IOException {
            String name = DeepEnrichJson.mapper().readTree(exchange.getRequestBody()).get("name").asText();
            names.add(name);
            received.countDown();
            String id;
            try {
                id = answer.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                id = "never";
            }
            byte[] body = ("{\"enrichment_id\": \"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        }

        /** The name of the first request, once it was received (not answered yet). */
        String awaitRequest() throws InterruptedException {
            assertTrue(received.await(30, TimeUnit.SECONDS), "no request came");
            return names.get(0);
        }

        void answer(String id) {
            answer.complete(id);
        }

        int requests() {
            return names.size();
        }

        @Override
        public void close() {
            answer.complete("closed");
            server.stop(0);
        }
    }
}
