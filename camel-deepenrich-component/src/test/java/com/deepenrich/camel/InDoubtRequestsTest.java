package com.deepenrich.camel;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import com.deepenrich.camel.ledger.InMemoryDeepEnrichLedger;
import com.deepenrich.camel.ledger.InMemoryWireRecords;
import com.deepenrich.camel.ledger.WireRecord;
import com.deepenrich.camel.ledger.WireRecords;
import com.deepenrich.camel.model.DeepEnrichJson;
import com.deepenrich.camel.model.RequestNames;
import com.deepenrich.camel.model.SubmissionReceipt;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static com.deepenrich.camel.WireMockApi.contacts;
import static com.deepenrich.camel.WireMockApi.json;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The write-ahead record of a bulk request: in the ledger's wire store exactly while the request is on the wire,
 * replaced by its enrichment id, removed when refused, kept when no answer came; and the webhook of a request in
 * doubt emitted as its answer.
 */
class InDoubtRequestsTest extends WebhookTestSupport {

    private static final String TOKEN = "s3cret";
    private static final String BULK = "deepenrich:bulk?name=leads&callbackToken=" + TOKEN;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return routeToResults(WEBHOOK + "&callbackToken=" + TOKEN + "&pollFallbackAfter=0");
    }

    private List<WireRecord> inDoubt() {
        return ledger().wire().inDoubt();
    }

    private List<WireRecord> onTheWire() {
        return ledger().wire().records();
    }

    @Test
    void theRecordIsThereWhileTheRequestIsOnTheWireAndTheAnswerMakesItThePendingId() {
        api.server.stubFor(WireMock.post(urlEqualTo(WireMockApi.BULK_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"enrichment_id\": \"id-0\"}")
                .withFixedDelay(1000)));
        CompletableFuture<Exchange> sent = template.asyncSend(BULK, e -> e.getMessage().setBody(contacts(0, 2)));

        Awaitility.await().until(() -> !onTheWire().isEmpty());
        WireRecord record = onTheWire().get(0);
        assertEquals("leads", RequestNames.userName(record.name()));
        assertEquals(RequestNames.keyOf(record.name()), record.requestKey());
        assertEquals(2, record.contactCount());
        assertTrue(inDoubt().isEmpty(), "waiting for its answer, it is not in doubt");

        assertEquals(null, sent.join().getException());
        assertTrue(onTheWire().isEmpty());
        assertEquals(record.name(), ledger().find("id-0").orElseThrow().name());
        assertEquals(record.name(), json(api.bulkRequests().get(0)).get("name").asText());
    }

    @Test
    void aRefusedRequestLeavesNoRecord() {
        api.server.stubFor(WireMock.post(urlEqualTo(WireMockApi.BULK_PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\": \"error.enrichment.data.empty\", \"message\": \"no data\"}")));

        Exchange out = template.send(BULK, e -> e.getMessage().setBody(contacts(0, 2)));

        assertInstanceOf(DeepEnrichException.class, out.getException());
        assertTrue(inDoubt().isEmpty());
    }

    @Test
    void aResultEmittedBeforeNeverAnswersARequestInDoubtWithTheSameContacts() throws Exception {
        api.server.stubFor(WireMock.post(urlEqualTo(WireMockApi.BULK_PATH))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertInstanceOf(DeepEnrichInDoubtException.class,
                template.send(BULK, e -> e.getMessage().setBody(contacts(0, 2))).getException());
        WireRecord lost = inDoubt().get(0);
        api.acceptBulkWithIdOfFirstSeq(); // the same contacts sent again (nothing guarding them), and accepted
        Exchange again = template.send(BULK + "&fingerprintWindow=0&deduplicatePeople=false",
                e -> e.getMessage().setBody(contacts(0, 2)));
        String name = ledger().find("id-0").orElseThrow().name();
        results().expectedMessageCount(1);

        assertEquals(200, deliver("?token=" + TOKEN, resultOf("id-0", name)).statusCode());
        assertEquals(200, deliver("?token=" + TOKEN, resultOf("id-0", name)).statusCode(), "a duplicate delivery");

        results().assertIsSatisfied();
        assertEquals(null, again.getException());
        assertEquals(List.of(lost), inDoubt(), "still in doubt: its own result may yet come");
    }

    @Test
    void theContactsOfARequestInDoubtSentAgainAreSentNotLeftWaitingForIt() {
        api.server.stubFor(WireMock.post(urlEqualTo(WireMockApi.BULK_PATH))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertInstanceOf(DeepEnrichInDoubtException.class,
                template.send(BULK, e -> e.getMessage().setBody(contacts(0, 2))).getException());
        api.acceptBulkWithIdOfFirstSeq();

        Exchange again = template.send(BULK, e -> e.getMessage().setBody(contacts(0, 2)));

        assertEquals(null, again.getException());
        SubmissionReceipt receipt = again.getMessage().getBody(SubmissionReceipt.class);
        assertEquals(2, receipt.getSubmitted(), "its people were given back when it went in doubt");
        assertEquals(0, receipt.getDeduplicated());
        assertEquals(2, api.bulkRequests().size());
        assertEquals(1, inDoubt().size(), "still in doubt: its own result may yet come");
    }

    @Test
    void aRequestWaitingForItsRateLimitTurnIsNotOnTheWire() {
        api.acceptBulkWithIdOfFirstSeq();
        String limited = BULK + "&requestsPerMinute=30&rateLimitWindow=2000";
        assertEquals(null, template.send(limited, e -> e.getMessage().setBody(contacts(0, 2))).getException());

        CompletableFuture<Exchange> waiting = template.asyncSend(limited, e -> e.getMessage().setBody(contacts(2, 2)));
        Awaitility.await().until(() -> context.getComponent("deepenrich", DeepEnrichComponent.class).rateLimiters()
                .values().stream().mapToInt(l -> l.getWaiting()).sum() == 1);

        assertTrue(inDoubt().isEmpty(), "waiting for its turn: " + inDoubt());
        assertEquals(1, api.bulkRequests().size());
        assertEquals(null, waiting.join().getException());
        assertEquals(2, api.bulkRequests().size());
    }

    @Test
    void theWebhookOfARequestInDoubtIsEmittedOnceAsItsAnswerAndTheSameContactsAreNotSentAgain() throws Exception {
        api.server.stubFor(WireMock.post(urlEqualTo(WireMockApi.BULK_PATH))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        Exchange lost = template.send(BULK, e -> e.getMessage().setBody(contacts(0, 2)));
        assertInstanceOf(DeepEnrichInDoubtException.class, lost.getException());
        WireRecord record = inDoubt().get(0);
        results().expectedMessageCount(1);

        String webhook = resultOf("id-late", record.name());
        assertEquals(200, deliver("?token=" + TOKEN, webhook).statusCode());
        assertEquals(200, deliver("?token=" + TOKEN, webhook).statusCode(), "DeepEnrich's retry");

        results().assertIsSatisfied();
        Exchange emitted = results().getExchanges().get(0);
        assertEquals(false, emitted.getMessage().getHeader(DeepEnrichConstants.FOREIGN));
        assertEquals("id-late", emitted.getMessage().getHeader(DeepEnrichConstants.ENRICHMENT_ID));
        assertTrue(inDoubt().isEmpty());
        assertTrue(ledger().pending().isEmpty(), "emitted and completed");

        api.acceptBulkWithIdOfFirstSeq();
        Exchange again = template.send(BULK, e -> e.getMessage().setBody(contacts(0, 2)));
        assertEquals("id-late", again.getMessage().getHeader(DeepEnrichConstants.ENRICHMENT_ID), "its fingerprint");
        assertEquals(1, api.bulkRequests().size(), "sent once");
    }

    @Test
    void aRequestStillInDoubtAfterInDoubtTimeoutIsReportedOnceNamingItAndItsContacts() {
        api.server.stubFor(WireMock.post(urlEqualTo(WireMockApi.BULK_PATH))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        String uri = BULK + "&inDoubtTimeout=1";
        DeepEnrichEndpoint endpoint = context.getEndpoint(uri, DeepEnrichEndpoint.class);
        try (LogCapture log = new LogCapture()) {
            assertInstanceOf(DeepEnrichInDoubtException.class,
                    template.send(uri, e -> e.getMessage().setBody(contacts(0, 2))).getException());
            String name = inDoubt().get(0).name();

            Awaitility.await().until(() -> endpoint.getRequestsInDoubtOverdue() == 1);
            assertEquals(1, endpoint.getRequestsInDoubtOverdue(), "read again");
            assertEquals(1, endpoint.getRequestsInDoubt());
            List<String> reported = log.lines("is still in doubt");
            assertEquals(1, reported.size(), reported.toString());
            assertTrue(reported.get(0).contains("'" + name + "' (2 contacts)"), reported.get(0));
        }
    }

    @Test
    void aRetryWaitsOffTheWireAndIsRecordedAgainWhenItIsWritten() {
        RecordingLedger recording = new RecordingLedger();
        context.getRegistry().bind("recording", recording);
        api.server.stubFor(
                WireMock.post(urlEqualTo(WireMockApi.BULK_PATH)).inScenario("busy").whenScenarioStateIs("Started")
                        .willReturn(aResponse().withStatus(503)).willSetStateTo("free"));
        api.server
                .stubFor(WireMock.post(urlEqualTo(WireMockApi.BULK_PATH)).inScenario("busy").whenScenarioStateIs("free")
                        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                                .withBody("{\"enrichment_id\": \"id-0\"}")));

        Exchange out = template.send(BULK + "&ledger=#recording", e -> e.getMessage().setBody(contacts(0, 2)));

        assertEquals(null, out.getException());
        assertEquals(List.of("write", "remove", "write", "accept"), recording.events);
    }

    /** A result of the request {@code name} for contacts 0 and 1, as DeepEnrich's webhook carries it. */
    private static String resultOf(String id, String name) {
        return DeepEnrichJson.writeString(Map.of("id", id, "name", name, "status", "FINISHED",
                "cost", Map.of("credits", 0), "datas", List.of(
                        Map.of("custom", Map.of("seq", "1"), "contact", Map.of("firstname", "First1")),
                        Map.of("custom", Map.of("seq", "0"), "contact", Map.of("firstname", "First0")))));
    }

    /** An in-memory ledger whose wire store tells what it was asked, in order. */
    static final class RecordingLedger extends InMemoryDeepEnrichLedger {

        final List<String> events = new CopyOnWriteArrayList<>();
        private final InMemoryWireRecords records =
                new InMemoryWireRecords() {

                    @Override
                    public synchronized void write(WireRecord record) {
                        events.add("write");
                        super.write(record);
                    }

                    @Override
                    public synchronized void remove(String requestKey) {
                        events.add("remove");
                        super.remove(requestKey);
                    }

                    @Override
                    public synchronized void accept(String requestKey, Runnable recordAccepted) {
                        events.add("accept");
                        super.accept(requestKey, recordAccepted);
                    }
                };

        @Override
        public WireRecords wire() {
            return records;
        }
    }
}
