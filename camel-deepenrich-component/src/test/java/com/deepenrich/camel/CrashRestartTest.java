package com.deepenrich.camel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.deepenrich.camel.ledger.FileDeepEnrichLedger;
import com.deepenrich.camel.ledger.PendingEnrichment;
import com.deepenrich.camel.webhook.CallbackToken;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

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
class CrashRestartTest {

    private static final String ID = "id-0";
    private static final long NO_FALLBACK_SOON = Duration.ofHours(1).toMillis();
    private static final long FALLBACK_AT_ONCE = 1;

    private final WireMockApi api = new WireMockApi();
    private final HttpClient http = HttpClient.newHttpClient();
    private final int port = AvailablePortFinder.getNextAvailable();

    @TempDir
    Path work;

    @AfterEach
    void stopApi() {
        api.close();
    }

    @Test
    void whileTheBulkRequestIsInFlightTheLedgerHasNoIdAndNothingIsEverEmitted() throws Exception {
        api.server.stubFor(post(urlEqualTo(WireMockApi.BULK_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"enrichment_id\": \"" + ID + "\"}")
                .withFixedDelay(30_000)));
        Child first = start(NO_FALLBACK_SOON, true);
        first.await("the bulk request reached the API", () -> api.bulkRequests().size() == 1);
        first.kill();

        Child second = started(FALLBACK_AT_ONCE);
        assertTrue(new FileDeepEnrichLedger(work).pending().isEmpty(), "no id to poll or to wait for");
        second.kill();
        assertFalse(Files.exists(work.resolve(CrashNode.EMITTED)));
        assertEquals(1, api.bulkRequests().size(), "the component does not send it again");
    }

    @Test
    void afterTheLedgerWriteTheRestartedNodePollsTheIdAndEmitsItOnce() throws Exception {
        api.acceptBulkWithIdOfFirstSeq();
        ResultStubs.answerInTurn(api, ID, ok(running(ID, "IN_PROGRESS")));
        Child first = start(FALLBACK_AT_ONCE, true);
        first.await("the running enrichment read", () -> ResultStubs.reads(api, ID) >= 1);
        first.kill();
        assertEquals(1, new FileDeepEnrichLedger(work).pending().size(), "pending on disk");

        api.server.resetScenarios();
        ResultStubs.answerInTurn(api, ID, ok(finished(ID)));
        Child second = start(FALLBACK_AT_ONCE, false);
        second.await("emitted and completed", this::completed);
        second.kill();
        assertEquals(List.of(ID), emitted());
    }

    @Test
    void whileTheRouteProcessesAWebhookResultTheRetryEmitsItAgainThoughItsKeyIsSeen() throws Exception {
        pendingIdOfARunningEnrichment();
        killWhileADeliveryWaitsAt(CrashNode.BLOCK_ROUTE, CrashNode.IN_ROUTE);
        assertTrue(Files.readString(work.resolve("seen.txt")).contains(ID + ":FINISHED"), "its key is on disk");

        Child second = started(NO_FALLBACK_SOON);
        assertAnswer(200, "emitted", deliver());
        assertAnswer(200, "duplicate", deliver());
        second.kill();
        assertEquals(List.of(ID, ID), emitted(), "at least once: the killed route had it");
        assertTrue(new FileDeepEnrichLedger(work).pending().isEmpty());
    }

    @Test
    void whileTheRouteProcessesAPolledResultTheRestartedNodeEmitsItAgain() throws Exception {
        new FileDeepEnrichLedger(work).record(new PendingEnrichment(ID, "crash", Instant.now(), 1));
        ResultStubs.answerInTurn(api, ID, ok(finished(ID)));
        block(CrashNode.BLOCK_ROUTE);
        Child first = start(FALLBACK_AT_ONCE, false);
        first.await("the polled result in the route", () -> Files.exists(work.resolve(CrashNode.IN_ROUTE)));
        first.kill();

        unblock(CrashNode.BLOCK_ROUTE);
        Child second = start(FALLBACK_AT_ONCE, false);
        second.await("emitted again and completed", this::completed);
        assertAnswer(200, "duplicate", deliver());
        second.kill();
        assertEquals(List.of(ID, ID), emitted(), "at least once: the killed route had it");
    }

    @Test
    void afterTheRouteBeforeTheLedgerIsToldTheRetryEmitsItAgain() throws Exception {
        pendingIdOfARunningEnrichment();
        killWhileADeliveryWaitsAt(CrashNode.BLOCK_COMPLETE, CrashNode.COMPLETING);

        Child second = started(NO_FALLBACK_SOON);
        assertAnswer(200, "emitted", deliver());
        second.kill();
        assertEquals(List.of(ID, ID), emitted(), "at least once: the ledger still held the id");
        assertTrue(new FileDeepEnrichLedger(work).pending().isEmpty());
    }

    @Test
    void afterTheLedgerCompletedTheIdTheRetryIsADuplicateAndNotEmittedAgain() throws Exception {
        pendingIdOfARunningEnrichment();
        Child first = started(NO_FALLBACK_SOON);
        assertAnswer(200, "emitted", deliver());
        first.kill();

        Child second = started(NO_FALLBACK_SOON);
        assertAnswer(200, "duplicate", deliver());
        second.kill();
        assertEquals(List.of(ID), emitted(), "exactly once");
    }

    /** id-0 pending on disk, as the bulk producer records it (row 2 shows that write surviving a kill). */
    private void pendingIdOfARunningEnrichment() {
        new FileDeepEnrichLedger(work).record(new PendingEnrichment(ID, "crash", Instant.now(), 1));
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
        Child first = started(NO_FALLBACK_SOON);
        http.sendAsync(delivery(), HttpResponse.BodyHandlers.ofString());
        first.await("waiting at " + block, () -> Files.exists(work.resolve(marker)));
        first.kill();
        unblock(block);
    }

    /** A node that submits nothing, once its routes run. */
    private Child started(long pollFallbackAfter) throws Exception {
        Child child = start(pollFallbackAfter, false);
        child.await("started", () -> child.lines().contains("STARTED"));
        return child;
    }

    private boolean completed() {
        return Files.exists(work.resolve(CrashNode.EMITTED)) && new FileDeepEnrichLedger(work).pending().isEmpty();
    }

    private List<String> emitted() throws IOException {
        Path log = work.resolve(CrashNode.EMITTED);
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    private HttpRequest delivery() {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/deepenrich/results?token="
                                         + CallbackToken.derive(WireMockApi.API_KEY)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(finished(ID)))
                .build();
    }

    private HttpResponse<String> deliver() throws Exception {
        return http.send(delivery(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertAnswer(int status, String message, HttpResponse<String> answer) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains(message), answer.body());
    }

    private Child start(long pollFallbackAfter, boolean submit) throws IOException {
        return new Child(new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashNode.class.getName(),
                work.toString(), api.baseUrl(), Integer.toString(port), Long.toString(pollFallbackAfter),
                Boolean.toString(submit)).redirectErrorStream(true).start());
    }

    /** A {@link CrashNode} process, its output lines collected as they come. */
    private static final class Child {

        private final Process process;
        private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        Child(Process process) {
            this.process = process;
            Thread reader = new Thread(this::readOutput, "crash-node-output");
            reader.setDaemon(true);
            reader.start();
        }

        private void readOutput() {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        List<String> lines() {
            synchronized (lines) {
                return List.copyOf(lines);
            }
        }

        /** Waits (at most 20 s) until the condition holds; fails if the process ends first. */
        void await(String what, Check condition) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!condition.holds()) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new AssertionError("not reached: " + what + "\n" + String.join("\n", lines()));
                }
                Thread.sleep(20);
            }
        }

        /** SIGKILL: no shutdown hook, no graceful stop. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertTrue(process.waitFor(10, TimeUnit.SECONDS));
        }
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }
}
