package com.deepenrich.camel;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.deepenrich.camel.consumer.DeepEnrichResultsConsumer;
import com.deepenrich.camel.model.DeepEnrichJson;
import com.deepenrich.camel.model.EnrichmentResult;
import com.deepenrich.camel.model.EnrichmentStatus;
import com.deepenrich.camel.model.SubmissionReceipt;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.spi.ExchangeFactory;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;

import static com.deepenrich.camel.ResultStubs.finished;
import static com.deepenrich.camel.ResultStubs.ok;
import static com.deepenrich.camel.ResultStubs.running;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code from("deepenrich:results")}: pending ids of the ledger are read until final, emitted once, removed. Each test
 * stubs the API before the id enters the ledger: the consumer reads it at once.
 */
class PollResultsTest extends ResultsTestSupport {

    private final Reported reported = new Reported();

    /** What the consumer reported to its exception handler. */
    static final class Reported implements ExceptionHandler {

        final List<String> messages = new CopyOnWriteArrayList<>();
        final List<Throwable> causes = new CopyOnWriteArrayList<>();

        @Override
        public void handleException(Throwable exception) {
            handleException(null, null, exception);
        }

        @Override
        public void handleException(String message, Throwable exception) {
            handleException(message, null, exception);
        }

        @Override
        public void handleException(String message, Exchange exchange, Throwable exception) {
            messages.add(message);
            causes.add(exception);
        }
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("reported", reported);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getCamelContextExtension().getExchangeFactory().setStatisticsEnabled(true);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return routeToResults("deepenrich:results?delay=20&initialDelay=0&exceptionHandler=#reported");
    }

    private DeepEnrichResultsConsumer resultsConsumer() {
        return (DeepEnrichResultsConsumer) context.getRoute("results").getConsumer();
    }

    private List<String> emittedIds() {
        return results().getReceivedExchanges().stream()
                .map(e -> e.getMessage().getBody(EnrichmentResult.class).getId())
                .toList();
    }

    @Test
    void aSubmittedJobIsReadThroughCreatedAndInProgressAndEmittedOnceWhenFinished() throws Exception {
        api.acceptBulkWithIdOfFirstSeq();
        ResultStubs.answerInTurn(api, "id-0", ok(running("id-0", "CREATED")), ok(running("id-0", "IN_PROGRESS")),
                ok(finished("id-0")));
        results().expectedMessageCount(1);

        SubmissionReceipt receipt = template.requestBody("deepenrich:bulk", WireMockApi.contacts(0, 1),
                SubmissionReceipt.class);

        Receipts.assertAccountsFor(1, receipt);
        assertEquals(List.of("id-0"), receipt.getEnrichmentIds());
        results().assertIsSatisfied();
        await("id-0 no longer pending").until(() -> ledger().find("id-0").isEmpty());
        Exchange emitted = results().getReceivedExchanges().get(0);
        EnrichmentResult result = assertInstanceOf(EnrichmentResult.class, emitted.getMessage().getBody());
        assertEquals(EnrichmentStatus.FINISHED, result.getStatus());
        assertEquals("id-0", emitted.getMessage().getHeader(DeepEnrichConstants.ENRICHMENT_ID));
        assertEquals(EnrichmentStatus.FINISHED, emitted.getMessage().getHeader(DeepEnrichConstants.STATUS));
        assertEquals("Sales Operations in London", emitted.getMessage().getHeader(DeepEnrichConstants.NAME));
        assertEquals(3, ResultStubs.reads(api, "id-0"), "no read after the final one");
        assertEquals(1, results().getReceivedCounter());
        assertEquals(1, resultsConsumer().getEmitted());
    }

    @Test
    void theInProgress400AnswerCountsAsRunning() throws Exception {
        ResultStubs.answerInTurn(api, "id-400", ResultStubs.inProgress400(), ResultStubs.inProgress400(),
                ok(finished("id-400")));
        submitted("id-400", Duration.ZERO);
        results().expectedMessageCount(1);

        results().assertIsSatisfied();
        await("id-400 no longer pending").until(() -> ledger().find("id-400").isEmpty());
        assertEquals(List.of("id-400"), emittedIds());
        assertEquals(3, ResultStubs.reads(api, "id-400"));
        assertEquals(List.of(), reported.causes);
    }

    @Test
    void anIdDeepEnrichDoesNotKnowIsReportedCountedAndRemovedButNotEmitted() throws Exception {
        String notFound = DeepEnrichJson.tree(WireMockApi.fixture("errors.json").getBytes(StandardCharsets.UTF_8))
                .get("404 unknown enrichment").toString();
        ResultStubs.answerInTurn(api, "id-404", new ResultStubs.Answer(404, notFound));
        submitted("id-404", Duration.ZERO);

        await("id-404 removed").until(() -> ledger().find("id-404").isEmpty());

        assertEquals(1, resultsConsumer().getPoller().getNotFound());
        assertEquals(1, reported.causes.size());
        assertInstanceOf(DeepEnrichNotFoundException.class, reported.causes.get(0));
        assertTrue(reported.messages.get(0).contains("id-404"), reported.messages.get(0));
        assertEquals(0, results().getReceivedCounter());
    }

    @Test
    void a404WithoutDeepEnrichErrorBodyKeepsTheIdPending() throws Exception {
        api.server.stubFor(get(urlPathEqualTo(ResultStubs.RESULT_PATH + "id-proxy"))
                .willReturn(aResponse().withStatus(404).withBody("<html>Not Found</html>")));
        submitted("id-proxy", Duration.ZERO);

        await("read twice").until(() -> resultsConsumer().getPoller().getReadFailures() >= 2);

        assertTrue(ledger().find("id-proxy").isPresent(), "a wrong baseUrl must not empty the ledger");
        assertEquals(0, resultsConsumer().getPoller().getNotFound());
        // poll() reports the failed reads through Camel's poll strategy, which hands them to the exception handler
        await("the failed reads reported by a poll").until(() -> reported.causes.stream()
                .anyMatch(c -> c instanceof DeepEnrichException e && "read.failed".equals(e.getCode())));
    }

    @Test
    void aRouteFailureLeavesTheIdPendingAndALaterPollEmitsItOnce() throws Exception {
        AtomicInteger attempts = failFirstRouteAttempt("disk full");
        ResultStubs.answerInTurn(api, "id-fail", ok(finished("id-fail")));
        submitted("id-fail", Duration.ZERO);
        results().expectedMessageCount(1);

        results().assertIsSatisfied();
        await("id-fail no longer pending").until(() -> ledger().find("id-fail").isEmpty());
        assertEquals(2, attempts.get());
        assertEquals(2, ResultStubs.reads(api, "id-fail"));
        assertEquals(1, results().getReceivedCounter());
        assertEquals(1, reported.causes.size());
        assertEquals("disk full", reported.causes.get(0).getMessage());
    }

    @Test
    void aJobStillRunningAfterStaleAfterIsReportedOnceAndPolledOn() throws Exception {
        ResultStubs.answerInTurn(api, "id-stale", ok(running("id-stale", "IN_PROGRESS")));
        submitted("id-stale", Duration.ofDays(2));

        await("read three times").until(() -> ResultStubs.reads(api, "id-stale") >= 3);

        assertEquals(1, resultsConsumer().getPoller().getStale());
        assertEquals(1, reported.causes.size());
        DeepEnrichTimeoutException stale = assertInstanceOf(DeepEnrichTimeoutException.class, reported.causes.get(0));
        assertEquals(List.of("id-stale"), stale.getPendingIds());
        assertTrue(ledger().find("id-stale").isPresent());
    }

    @Test
    void aReadThatHangsDoesNotHoldBackTheOthers() throws Exception {
        api.server.stubFor(get(urlPathEqualTo(ResultStubs.RESULT_PATH + "id-hanging")).willReturn(aResponse()
                .withStatus(200).withBody(finished("id-hanging")).withFixedDelay(2_000)));
        ResultStubs.answerInTurn(api, "id-quick", ok(finished("id-quick")));
        submitted("id-hanging", Duration.ofMinutes(2));
        submitted("id-quick", Duration.ofMinutes(1));
        results().expectedMessageCount(2);

        results().assertIsSatisfied();
        assertEquals(List.of("id-quick", "id-hanging"), emittedIds());
    }

    @Test
    void everyExchangeThePollerCreatesIsReleased() throws Exception {
        AtomicInteger attempts = failFirstRouteAttempt("once");
        for (String id : List.of("id-r1", "id-r2")) {
            ResultStubs.answerInTurn(api, id, ok(finished(id)));
            submitted(id, Duration.ZERO);
        }
        ExchangeFactory.Statistics stats =
                context.getCamelContextExtension().getExchangeFactoryManager().getStatistics();

        await("both emitted, one after a failure")
                .until(() -> results().getReceivedCounter() == 2 && stats.getReleasedCounter() == 3);
        assertEquals(3, stats.getCreatedCounter());
    }
}
