package com.deepenrich.camel;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.deepenrich.camel.producer.PendingBatches;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.TypeConversionException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static com.deepenrich.camel.WireMockApi.contact;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The canonical route, with no throttle of the user's, fed much faster than the rate limit by the sources that
 * matter: the component holds at most {@code maxPendingBatches} unanswered batches, the source is slowed down, and
 * every contact reaches the API once, in order where the source has an order.
 */
class BackPressureTest extends ProducerTestSupport {

    private static final int MAX_PENDING = 3;
    private static final int CONTACTS = 6_000; // 60 requests: 0.3 s of rate limit at 200 requests a second
    private static final String BULK = "deepenrich:bulk?requestsPerMinute=12000";
    private static final String SEDA = "seda:leads?concurrentConsumers=4&size=200&blockWhenFull=true";
    private static final String SEDA_LISTS = "seda:lists?concurrentConsumers=10&size=10&blockWhenFull=true";

    @TempDir
    Path dir;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getComponent("deepenrich", DeepEnrichComponent.class).setMaxPendingBatches(MAX_PENDING);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {

            @Override
            public void configure() {
                from("direct:canonical").routeId("canonical")
                        .aggregate(constant(true), new DeepEnrichAggregationStrategy())
                        .completionSize(100).completionTimeout(2000).forceCompletionOnStop().completeAllOnStop()
                        .to(BULK);
                from("file:" + dir.resolve("in") + "?noop=true").routeId("file").autoStartup(false)
                        .split(body().tokenize("\n")).streaming()
                        .to("direct:canonical");
                from(SEDA).routeId("seda")
                        .to("direct:canonical");
                from(SEDA_LISTS).routeId("lists")
                        .to(BULK);
            }
        };
    }

    @Test
    void oneThreadCallingSendBodyIsSlowedDownAndNothingIsLostOrReordered() throws Exception {
        api.acceptBulkWithIdOfFirstSeq();
        for (int i = 0; i < CONTACTS; i++) {
            template.sendBody("direct:canonical", contact(i));
            assertTrue(gate().getPending() <= MAX_PENDING, "pending " + gate().getPending() + " after contact " + i);
        }
        assertAllReceivedOnceInOrder();
        assertSourceWasHeldBack();
    }

    @Test
    void aFileSplitInStreamingModeIsSlowedDown() throws Exception {
        api.acceptBulkWithIdOfFirstSeq();
        writeLeadsFile(CONTACTS);
        context.getRouteController().startRoute("file");
        await("every contact at the API").until(() -> api.seqsReceived().size() >= CONTACTS);
        assertAllReceivedOnceInOrder();
        assertSourceWasHeldBack();
    }

    @Test
    void sedaWithConcurrentConsumersIsSlowedDownAndLosesNothing() throws Exception {
        api.acceptBulkWithIdOfFirstSeq();
        for (int i = 0; i < CONTACTS; i++) {
            template.sendBody(SEDA, contact(i));
        }
        await("every contact at the API").until(() -> api.seqsReceived().size() >= CONTACTS);
        assertTrue(IntStream.range(0, CONTACTS).boxed().toList().equals(api.seqsReceived()),
                "each contact exactly once");
        assertTrue(gate().getPeak() <= MAX_PENDING, "peak pending " + gate().getPeak());
        assertSourceWasHeldBack();
    }

    @Test
    void bulkExchangesFromConcurrentConsumersWithoutTheAggregatorAreHeldBackInTheProducer() throws Exception {
        api.acceptBulkWithIdOfFirstSeq();
        for (int from = 0; from < CONTACTS; from += 100) {
            template.sendBody(SEDA_LISTS, WireMockApi.contacts(from, 100));
        }
        await("every contact at the API").until(() -> api.seqsReceived().size() >= CONTACTS);
        assertBatchesAreTheSourceInOrder();
        assertSourceWasHeldBack();
    }

    @Test
    void roomIsGivenBackWhenTheRouteFailsBeforeTheApi() throws Exception {
        api.acceptBulkWithIdOfFirstSeq();
        context.addRoutes(new RouteBuilder() {

            @Override
            public void configure() {
                from("direct:failing").routeId("failing")
                        .aggregate(constant(true), new DeepEnrichAggregationStrategy()).completionSize(100)
                        .throwException(new IllegalStateException("the user's step fails"));
            }
        });
        for (int i = 0; i < (MAX_PENDING + 2) * 100; i++) {
            template.sendBody("direct:failing", contact(i)); // would wait forever if failed groups kept their room
        }
        await("every failed group gave its room back").until(() -> gate().getPending() == 0);
    }

    @Test
    @Timeout(60)
    void roomIsGivenBackWhenBulkCannotReadTheBody() throws Exception {
        File gone = dir.resolve("taken-by-another-node.json").toFile();
        for (int i = 0; i < MAX_PENDING + 2; i++) { // would wait forever if an unreadable body kept its room
            Exchange failed = template.request("deepenrich:bulk", e -> e.getMessage().setBody(gone));
            assertInstanceOf(TypeConversionException.class, failed.getException(), "the file could not be read");
        }
        assertEquals(0, gate().getPending(), "batches still counted as pending");
        assertEquals(0, api.bulkRequests().size(), "requests sent");
    }

    @Test
    void aGracefulStopMidFileSendsEveryContactTheSourceHandedOver() throws Exception {
        int contacts = 5 * CONTACTS; // 1.5 s of rate limit: the stop lands well inside the file
        api.acceptBulkWithIdOfFirstSeq();
        writeLeadsFile(contacts);
        context.getRouteController().startRoute("file");
        await("the file's reading is held back").pollInterval(Duration.ofMillis(5))
                .until(() -> gate().getWaits() > 0);
        int atStop = api.bulkRequests().size() * 100;
        context.stop(); // graceful: the file's exchange finishes, the open group is completed and sent
        assertTrue(atStop < contacts, "the stop landed mid-file (" + atStop + " contacts sent before it)");
        assertTrue(IntStream.range(0, contacts).boxed().toList().equals(api.seqsReceived()),
                () -> "every contact of the file reached the API once; missing: " + IntStream.range(0, contacts)
                        .filter(i -> !api.seqsReceived().contains(i)).boxed().toList());
    }

    private void writeLeadsFile(int contacts) throws java.io.IOException {
        Files.createDirectories(dir.resolve("in"));
        Files.writeString(dir.resolve("in/leads.jsonl"), IntStream.range(0, contacts)
                .mapToObj(i -> context.getTypeConverter().convertTo(String.class, contact(i)))
                .collect(Collectors.joining("\n")));
    }

    private PendingBatches gate() {
        return context.getComponent("deepenrich", DeepEnrichComponent.class).pendingBatches();
    }

    /** Every contact once, in requests of 100 consecutive contacts, and never more than MAX_PENDING pending. */
    private void assertAllReceivedOnceInOrder() throws InterruptedException {
        await("every contact at the API").until(() -> api.seqsReceived().size() >= CONTACTS);
        assertBatchesAreTheSourceInOrder();
        assertTrue(gate().getPeak() <= MAX_PENDING, "peak pending " + gate().getPeak());
    }

    /** Each request holds 100 consecutive contacts in the source's order, and together they hold each one once. */
    private void assertBatchesAreTheSourceInOrder() {
        List<Integer> firsts = new ArrayList<>();
        for (JsonNode datas : api.bulkContacts()) {
            int first = datas.get(0).at("/custom/seq").asInt();
            for (int k = 0; k < datas.size(); k++) {
                assertEquals(first + k, datas.get(k).at("/custom/seq").asInt(), "request starting at " + first);
            }
            assertEquals(100, datas.size(), "request starting at " + first);
            firsts.add(first);
        }
        firsts.sort(null);
        assertEquals(IntStream.range(0, CONTACTS / 100).mapToObj(i -> i * 100).toList(), firsts);
    }

    /** The source outran the 200 requests a second: it must have waited for room, and room is all given back. */
    private void assertSourceWasHeldBack() throws InterruptedException {
        assertTrue(gate().getWaits() > 0, "the source never waited");
        await("no batch pending").until(() -> gate().getPending() == 0);
    }
}
