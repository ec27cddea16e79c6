package com.deepenrich.camel;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.deepenrich.camel.client.RateLimiter;
import com.deepenrich.camel.consumer.DeepEnrichResultsConsumer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;

import static com.deepenrich.camel.ResultStubs.finished;
import static com.deepenrich.camel.ResultStubs.ok;
import static com.deepenrich.camel.ResultStubs.running;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Poll mode at scale: an enrichment is read when its result can be expected and less often while it runs; a poll
 * queues a bounded number of reads; a queued read holds no claim until its turn comes.
 */
class PollPacingTest extends ResultsTestSupport {

    private static final String POLL = "deepenrich:results?delay=20&initialDelay=0";

    private DeepEnrichResultsConsumer consume(String options) throws Exception {
        context.addRoutes(routeToResults(POLL + options));
        return (DeepEnrichResultsConsumer) context.getRoute("results").getConsumer();
    }

    /** The JDK client's first request in a JVM may fail and be retried, behind the reads a test queued. */
    private void warmUpConnection() {
        api.server.stubFor(get(urlEqualTo("/api/v1/account/credits")).willReturn(okJson("{\"balance\": 1}")));
        template.requestBody("deepenrich:getCredits", (Object) null);
    }

    private List<Instant> readTimes(String id) {
        return api.requests(getRequestedFor(urlPathEqualTo(ResultStubs.RESULT_PATH + id))).stream()
                .map(LoggedRequest::getLoggedDate).map(java.util.Date::toInstant).toList();
    }

    @Test
    void aJobIsFirstReadFirstReadAfterItsSubmissionAndOnceWhenItHasFinished() throws Exception {
        ResultStubs.answerInTurn(api, "id-1", ok(finished("id-1")));
        results().expectedMessageCount(1);
        // WireMock logs a request's time in whole milliseconds: compare it with the submission's, truncated alike
        Instant submittedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        submitted("id-1", Duration.ZERO);

        consume("&firstReadAfter=500");

        results().assertIsSatisfied();
        List<Instant> reads = readTimes("id-1");
        assertEquals(1, reads.size(), "one read for one result");
        assertTrue(!reads.get(0).isBefore(submittedAt.plusMillis(500)), "read at " + reads.get(0)
                                                                        + ", submitted at " + submittedAt);
    }

    @Test
    void aRunningJobIsReadAgainAfterWaitsThatDouble() throws Exception {
        ResultStubs.answerInTurn(api, "id-2", ok(running("id-2", "CREATED")), ok(running("id-2", "IN_PROGRESS")),
                ok(finished("id-2")));
        results().expectedMessageCount(1);
        submitted("id-2", Duration.ofMinutes(1));

        consume("&firstReadAfter=300&maxReadInterval=10000");

        results().assertIsSatisfied();
        List<Instant> reads = readTimes("id-2");
        assertEquals(3, reads.size());
        long firstWait = Duration.between(reads.get(0), reads.get(1)).toMillis();
        long secondWait = Duration.between(reads.get(1), reads.get(2)).toMillis();
        assertTrue(firstWait >= 300, "second read " + firstWait + " ms after the first");
        assertTrue(secondWait >= 600, "third read " + secondWait + " ms after the second");
    }

    @Test
    void aPollQueuesAtMostMaxReadsPerPollOldestFirst() throws Exception {
        for (int i = 1; i <= 6; i++) {
            submitted("id-" + i, Duration.ofMinutes(10 - i));
            ResultStubs.answerInTurn(api, "id-" + i, ok(running("id-" + i, "IN_PROGRESS")));
        }
        warmUpConnection();
        // one turn a minute: the first read leaves at once, the next ones wait
        DeepEnrichResultsConsumer consumer = consume("&requestsPerMinute=1&maxReadsPerPoll=2");
        RateLimiter limiter = context.getComponent("deepenrich", DeepEnrichComponent.class)
                .rateLimiter(context.getEndpoint(POLL + "&requestsPerMinute=1&maxReadsPerPoll=2",
                        DeepEnrichEndpoint.class).getConfiguration());

        await("the oldest read, ten polls").until(() -> ResultStubs.reads(api, "id-1") == 1
                                                        && consumer.getCounter() >= 10);

        assertEquals(2, limiter.waiting(RateLimiter.Lane.POLL_READS), "reads waiting for their turn");
        assertEquals(0, ResultStubs.reads(api, "id-6"));
    }

    @Test
    void aQueuedReadHoldsNoClaimAndPassesItsTurnOnWhenAnotherOwnerClaimedTheId() throws Exception {
        for (String id : List.of("id-a", "id-b", "id-c")) {
            ResultStubs.answerInTurn(api, id, ok(finished(id)));
        }
        submitted("id-a", Duration.ofMinutes(3));
        submitted("id-b", Duration.ofMinutes(2));
        submitted("id-c", Duration.ofMinutes(1));
        results().expectedMessageCount(2);

        warmUpConnection();
        DeepEnrichResultsConsumer consumer = consume("&requestsPerMinute=60");
        await("id-a read").until(() -> ResultStubs.reads(api, "id-a") == 1);
        assertTrue(ledger().claim("id-b", "another-node", Duration.ofMinutes(1)),
                "a read waiting for its turn must not hold the claim");

        results().assertIsSatisfied();
        assertEquals(0, ResultStubs.reads(api, "id-b"), "id-b is another node's to read");
        assertTrue(ledger().find("id-b").isPresent());
        assertEquals(2, consumer.getPoller().getReads());
    }
}
