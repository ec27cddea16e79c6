package com.deepenrich.camel;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import com.deepenrich.camel.ledger.DeepEnrichLedger;
import com.deepenrich.camel.ledger.FileDeepEnrichLedger;
import com.deepenrich.camel.ledger.PendingEnrichment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static com.deepenrich.camel.ResultStubs.finished;
import static com.deepenrich.camel.ResultStubs.ok;
import static com.deepenrich.camel.ResultStubs.running;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each row of the crash table of src/docs/operations.md ("Crash and restart, step by step"): a {@link CrashNode}
 * (file ledger, {@code FileIdempotentRepository}, a webhook route with its poll fallback) killed with SIGKILL at that
 * point, started again on the same work dir, and what then comes out of its route.
 */
@Timeout(60)
class CrashRestartTest extends KillTestSupport {

    private static final String ID = "id-0";
    private static final String OTHER_ID = "id-other";
    private static final long NO_FALLBACK_SOON = Duration.ofHours(1).toMillis();
    private static final long FALLBACK_AT_ONCE = 1;

    @Test
    void whileTheBulkRequestIsInFlightTheLedgerHasNoIdAndNothingIsEverEmitted() throws Exception {
        api.server.stubFor(post(urlEqualTo(WireMockApi.BULK_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"enrichment_id\": \"" + ID + "\"}")
                .withFixedDelay(30_000)));
        NodeProcess first = start(NO_FALLBACK_SOON, true);
        first.await("the bulk request reached the API", () -> api.bulkRequests().size() == 1);
        first.kill();

        assertTrue(onDisk(DeepEnrichLedger::pending).isEmpty(), "no id to poll or to wait for");

        // another enrichment pending: once the restarted node has emitted it, its poll fallback went over the ledger
        onDisk(ledger -> record(ledger, OTHER_ID, "other"));
        ResultStubs.answerInTurn(api, OTHER_ID, ok(finished(OTHER_ID)));
        NodeProcess second = start(FALLBACK_AT_ONCE, false);
        second.await("the other enrichment emitted and completed", this::completed);
        second.kill();
        assertEquals(List.of(OTHER_ID), emitted(), "nothing emitted for the request in flight at the kill");
        assertEquals(0, ResultStubs.reads(api, ID), "nothing polled for it");
        assertEquals(1, api.bulkRequests().size(), "the restarted component does not send it again");
    }

    @Test
    void afterTheLedgerWriteTheRestartedNodePollsTheIdAndEmitsItOnce() throws Exception {
        api.acceptBulkWithIdOfFirstSeq();
        ResultStubs.answerInTurn(api, ID, ok(running(ID, "IN_PROGRESS")));
        NodeProcess first = start(FALLBACK_AT_ONCE, true);
        first.await("the running enrichment read", () -> ResultStubs.reads(api, ID) >= 1);
        first.kill();
        assertEquals(1, onDisk(DeepEnrichLedger::pending).size(), "pending on disk");

        api.server.resetScenarios();
        ResultStubs.answerInTurn(api, ID, ok(finished(ID)));
        NodeProcess second = start(FALLBACK_AT_ONCE, false);
        second.await("emitted and completed", this::completed);
        second.kill();
        assertEquals(List.of(ID), emitted());
    }

    @Test
    void whileTheRouteProcessesAWebhookResultTheRetryEmitsItAgain() throws Exception {
        pendingIdOfARunningEnrichment();
        killWhileADeliveryWaitsAt(CrashNode.BLOCK_ROUTE, CrashNode.IN_ROUTE);
        assertFalse(seen().contains(ID + ":FINISHED"), "its key is written only once the route is done");

        NodeProcess second = started(NO_FALLBACK_SOON);
        assertAnswer(200, "emitted", deliver());
        assertAnswer(200, "duplicate", deliver());
        second.kill();
        assertEquals(List.of(ID, ID), emitted(), "at least once: the killed route had it");
        assertTrue(onDisk(DeepEnrichLedger::pending).isEmpty());
    }

    @Test
    void aResultTheLedgerDoesNotHoldKilledInTheRouteIsEmittedAgainNotAnsweredAsADuplicate() throws Exception {
        // a POST whose answer was lost: DeepEnrich runs the job, the ledger never learnt its id
        killWhileADeliveryWaitsAt(CrashNode.BLOCK_ROUTE, CrashNode.IN_ROUTE);

        NodeProcess second = started(NO_FALLBACK_SOON);
        assertAnswer(200, "emitted", deliver());
        assertAnswer(200, "duplicate", deliver());
        second.kill();
        assertEquals(List.of(ID, ID), emitted(), "not lost: the retry after the kill reached the route");
    }

    private String seen() throws IOException {
        Path file = work.resolve("seen.txt");
        return Files.exists(file) ? Files.readString(file) : "";
    }

    @Test
    void whileTheRouteProcessesAPolledResultTheRestartedNodeEmitsItAgain() throws Exception {
        onDisk(ledger -> record(ledger, ID, "crash"));
        ResultStubs.answerInTurn(api, ID, ok(finished(ID)));
        block(CrashNode.BLOCK_ROUTE);
        NodeProcess first = start(FALLBACK_AT_ONCE, false);
        first.await("the polled result in the route", () -> Files.exists(work.resolve(CrashNode.IN_ROUTE)));
        first.kill();

        unblock(CrashNode.BLOCK_ROUTE);
        NodeProcess second = start(FALLBACK_AT_ONCE, false);
        second.await("emitted again and completed", this::completed);
        assertAnswer(200, "duplicate", deliver());
        second.kill();
        assertEquals(List.of(ID, ID), emitted(), "at least once: the killed route had it");
    }

    @Test
    void afterTheRouteBeforeTheLedgerIsToldTheRetryEmitsItAgain() throws Exception {
        pendingIdOfARunningEnrichment();
        killWhileADeliveryWaitsAt(CrashNode.BLOCK_COMPLETE, CrashNode.COMPLETING);

        NodeProcess second = started(NO_FALLBACK_SOON);
        assertAnswer(200, "emitted", deliver());
        second.kill();
        assertEquals(List.of(ID, ID), emitted(), "at least once: the ledger still held the id");
        assertTrue(onDisk(DeepEnrichLedger::pending).isEmpty());
    }

    @Test
    void afterTheLedgerCompletedTheIdTheRetryIsADuplicateAndNotEmittedAgain() throws Exception {
        pendingIdOfARunningEnrichment();
        NodeProcess first = started(NO_FALLBACK_SOON);
        assertAnswer(200, "emitted", deliver());
        first.kill();

        NodeProcess second = started(NO_FALLBACK_SOON);
        assertAnswer(200, "duplicate", deliver());
        second.kill();
        assertEquals(List.of(ID), emitted(), "exactly once");
    }

    /** id-0 pending on disk, as the bulk producer records it (row 2 shows that write surviving a kill). */
    private void pendingIdOfARunningEnrichment() {
        onDisk(ledger -> record(ledger, ID, "crash"));
        ResultStubs.answerInTurn(api, ID, ok(running(ID, "IN_PROGRESS")));
    }

    private void block(String name) throws IOException {
        Files.writeString(work.resolve(name), "");
    }

    private void unblock(String name) throws IOException {
        Files.delete(work.resolve(name));
    }

    /** Delivers the result to a node that waits once it reaches {@code block}, kills it there, and lifts the block. */
    private void killWhileADeliveryWaitsAt(String block, String marker) throws Exception {
        block(block);
        NodeProcess first = started(NO_FALLBACK_SOON);
        http.sendAsync(delivery(), HttpResponse.BodyHandlers.ofString());
        first.await("waiting at " + block, () -> Files.exists(work.resolve(marker)));
        first.kill();
        unblock(block);
    }

    /** A node that submits nothing, once its routes run. */
    private NodeProcess started(long pollFallbackAfter) throws Exception {
        NodeProcess child = start(pollFallbackAfter, false);
        child.await("started", () -> child.lines().contains("STARTED"));
        return child;
    }

    /** Every id the route received was completed in the node's ledger (the node runs: its file is its own). */
    private boolean completed() throws IOException {
        List<String> emitted = emitted();
        Path completed = work.resolve(CrashNode.COMPLETED);
        return !emitted.isEmpty() && Files.exists(completed) && Files.readAllLines(completed).containsAll(emitted);
    }

    /** Reads or writes the node's ledger file while no node has it open, and closes it again. */
    private <T> T onDisk(Function<DeepEnrichLedger, T> work) {
        FileDeepEnrichLedger ledger = new FileDeepEnrichLedger(this.work);
        try {
            return work.apply(ledger);
        } finally {
            ledger.stop();
        }
    }

    private static boolean record(DeepEnrichLedger ledger, String id, String name) {
        ledger.record(new PendingEnrichment(id, name, Instant.now(), 1));
        return true;
    }

    private List<String> emitted() throws IOException {
        Path log = work.resolve(CrashNode.EMITTED);
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    private HttpRequest delivery() {
        return delivery(finished(ID));
    }

    private HttpResponse<String> deliver() throws Exception {
        return deliver(finished(ID));
    }

    private NodeProcess start(long pollFallbackAfter, boolean submit) throws IOException {
        return NodeProcess.start(CrashNode.class, work.toString(), api.baseUrl(), Integer.toString(port),
                Long.toString(pollFallbackAfter), Boolean.toString(submit));
    }
}
