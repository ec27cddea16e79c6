package com.deepenrich.camel;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.deepenrich.camel.model.ContactOutcome;
import com.deepenrich.camel.model.EnrichedContact;
import com.deepenrich.camel.model.EnrichmentResult;
import com.deepenrich.camel.model.EnrichmentStatus;
import com.deepenrich.camel.webhook.PollFallback;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.Test;

import static com.deepenrich.camel.ResultStubs.creditsInsufficient;
import static com.deepenrich.camel.ResultStubs.finished;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code from("webhook:deepenrich:results")} on platform-http (Vert.x on 127.0.0.1): DeepEnrich's deliveries are
 * checked, deduplicated and acknowledged only once the route has the result; late ones are polled.
 */
class WebhookResultsTest extends WebhookTestSupport {

    private static final String TOKEN = "s3cret";
    private static final int MAX_BODY = 4096;
    private static final Duration POLL_FALLBACK_AFTER = Duration.ofHours(1);

    @Override
    protected RouteBuilder createRouteBuilder() {
        return routeToResults(WEBHOOK + "&callbackToken=" + TOKEN
                              + "&maxBodySize=" + MAX_BODY + "&pollFallbackAfter=" + POLL_FALLBACK_AFTER.toMillis()
                              + "&delay=50&initialDelay=0");
    }

    private HttpResponse<String> deliver(String body) throws Exception {
        return deliver("?token=" + TOKEN, body);
    }

    private EnrichmentResult emitted(int index) {
        return results().getReceivedExchanges().get(index).getMessage().getBody(EnrichmentResult.class);
    }

    @Test
    void theSameResultDeliveredSixTimesIsEmittedOnceAndEveryDeliveryAcknowledged() throws Exception {
        submitted("id-six", Duration.ZERO);
        results().expectedMessageCount(1);

        for (int i = 0; i < 6; i++) {
            assertEquals(200, deliver(finished("id-six")).statusCode(), "delivery " + (i + 1));
        }

        results().assertIsSatisfied();
        assertEquals(1, results().getReceivedCounter());
        assertTrue(ledger().find("id-six").isEmpty(), "emitted, so no longer pending");
    }

    @Test
    void aDuplicateArrivingWhileTheFirstIsInTheRouteIsNotAcknowledged() throws Exception {
        CountDownLatch inRoute = new CountDownLatch(1);
        CountDownLatch finishRoute = new CountDownLatch(1);
        routeStep = exchange -> {
            inRoute.countDown();
            assertTrue(finishRoute.await(10, TimeUnit.SECONDS));
        };
        CompletableFuture<HttpResponse<String>> first = http.sendAsync(
                request("?token=" + TOKEN, finished("id-slow")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(inRoute.await(10, TimeUnit.SECONDS));

        List<Integer> whileInRoute = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            whileInRoute.add(deliver(finished("id-slow")).statusCode());
        }
        finishRoute.countDown();

        assertEquals(List.of(503, 503, 503), whileInRoute, "the first may still fail: come back later");
        assertEquals(200, first.get(10, TimeUnit.SECONDS).statusCode());
        assertEquals(200, deliver(finished("id-slow")).statusCode(), "DeepEnrich's next retry");
        assertEquals(1, results().getReceivedCounter());
    }

    @Test
    void aContactThatWaitedForHerPersonComesWithHerResultByWebhook() throws Exception {
        api.acceptBulkWithIdOfFirstSeq();
        template.requestBody("deepenrich:bulk", List.of(WireMockApi.contact(0)));
        template.requestBody("deepenrich:bulk", List.of(WireMockApi.respelled(0, 1)));
        results().expectedMessageCount(1);

        assertEquals(200, deliver(EchoResults.resultOf(api.bulkRequests().get(0), "FINISHED")).statusCode());

        results().assertIsSatisfied();
        List<EnrichedContact> contacts = emitted(0).getContacts();
        assertEquals(List.of("0", "1"), contacts.stream().map(c -> c.getCustom().get("seq")).toList());
        assertTrue(contacts.get(1).isDeduplicated());
        assertEquals(contacts.get(0).getMostProbableEmail(), contacts.get(1).getMostProbableEmail());
        assertEquals(1, api.bulkRequests().size(), "her second contact was not sent");
    }

    @Test
    void aWrongOrMissingTokenIsRefusedWith401AndNothingIsEmitted() throws Exception {
        assertEquals(401, deliver("?token=wrong", finished("id-token")).statusCode());
        assertEquals(401, deliver("?token=" + TOKEN.substring(1), finished("id-token")).statusCode());
        assertEquals(401, deliver("", finished("id-token")).statusCode());
        assertEquals(0, results().getReceivedCounter());

        assertEquals(200, deliver(finished("id-token")).statusCode(), "a refused delivery is not marked seen");
        assertEquals(1, results().getReceivedCounter());
    }

    @Test
    void aBodyOverMaxBodySizeIsRefusedWith413() throws Exception {
        String padded = finished("id-big") + " ".repeat(MAX_BODY);

        assertEquals(413, deliver(padded).statusCode());
        assertEquals(0, results().getReceivedCounter());
        assertEquals(200, deliver(finished("id-big")).statusCode());
    }

    @Test
    void whatIsNoResultIsRefusedWith400() throws Exception {
        assertEquals(400, deliver("{\"id\": \"id-bad\", \"status\": ").statusCode(), "truncated JSON");
        assertEquals(400, deliver("[1, 2]").statusCode(), "not an object");
        assertEquals(400, deliver("").statusCode(), "empty");
        assertEquals(400, deliver("{\"status\": \"FINISHED\", \"datas\": []}").statusCode(), "no id");
        assertEquals(0, results().getReceivedCounter());
    }

    @Test
    void aRouteFailureIsAnswered500AndTheRetryIsEmittedExactlyOnce() throws Exception {
        AtomicInteger attempts = failFirstRouteAttempt("disk full");
        submitted("id-retry", Duration.ZERO);

        HttpResponse<String> failed = deliver(finished("id-retry"));
        assertEquals(500, failed.statusCode());
        assertFalse(failed.body().contains("disk full"), "no internals in the answer");
        assertTrue(ledger().find("id-retry").isPresent(), "still pending");

        assertEquals(200, deliver(finished("id-retry")).statusCode());
        assertEquals(200, deliver(finished("id-retry")).statusCode());

        assertEquals(2, attempts.get());
        assertEquals(1, results().getReceivedCounter());
        assertTrue(ledger().find("id-retry").isEmpty());
    }

    @Test
    void aLateEnrichmentIsPolledAndItsWebhookThenTakenForADuplicate() throws Exception {
        submitted("id-late", POLL_FALLBACK_AFTER.plusMinutes(1));
        submitted("id-on-time", Duration.ZERO);
        ResultStubs.answerInTurn(api, "id-late", ResultStubs.ok(finished("id-late")));
        results().expectedMessageCount(1);

        results().assertIsSatisfied();
        assertEquals("id-late", emitted(0).getId());
        await("id-late no longer pending").until(() -> ledger().find("id-late").isEmpty());

        assertEquals(200, deliver(finished("id-late")).statusCode());
        assertEquals(1, results().getReceivedCounter(), "not emitted again");
        assertEquals(1, ResultStubs.reads(api, "id-late"));
        assertEquals(0, ResultStubs.reads(api, "id-on-time"), "its webhook may still come");
    }

    @Test
    void aDeliveryCarriesTheSameBodyTypeAndHeadersAsAPolledResultAndNotTheToken() throws Exception {
        submitted("id-polled", POLL_FALLBACK_AFTER.plusMinutes(1));
        ResultStubs.answerInTurn(api, "id-polled", ResultStubs.ok(finished("id-polled")));
        await("the late result polled").until(() -> results().getReceivedCounter() == 1);

        assertEquals(200, deliver(finished("id-delivered")).statusCode());

        Map<String, Object> polled = results().getReceivedExchanges().get(0).getMessage().getHeaders();
        Map<String, Object> delivered = results().getReceivedExchanges().get(1).getMessage().getHeaders();
        assertEquals(polled.keySet(), delivered.keySet());
        assertFalse(delivered.containsKey("token"));
        assertEquals("id-delivered", delivered.get(DeepEnrichConstants.ENRICHMENT_ID));
        assertEquals(EnrichmentStatus.FINISHED, delivered.get(DeepEnrichConstants.STATUS));
        assertEquals("Sales Operations in London", delivered.get(DeepEnrichConstants.NAME));
        for (Exchange e : results().getReceivedExchanges()) {
            assertInstanceOf(EnrichmentResult.class, e.getMessage().getBody());
        }
    }

    @Test
    void thePollFallbackIsAServiceOfTheWebhookRouteAndStopsWithTheRoute() throws Exception {
        Route route = context.getRoute("results");
        ScheduledPollConsumer fallback = route.getServices().stream().filter(PollFallback.class::isInstance)
                .map(s -> ((PollFallback) s).getConsumer()).findFirst().orElseThrow();
        assertTrue(fallback.isStarted());

        context.getRouteController().stopRoute("results");

        assertTrue(fallback.isStopped());
    }

    @Test
    void contactsOfAJobOutOfCreditsAreCreditsInsufficientNeverNotFound() throws Exception {
        assertEquals(200, deliver(creditsInsufficient("id-credits")).statusCode());
        assertEquals(200, deliver("{\"id\": \"id-empty\", \"name\": \"n\", \"status\": \"FINISHED\", "
                                  + "\"datas\": [{\"custom\": {\"user_id\": \"7\"}, \"contact\": {}}]}")
                .statusCode());

        EnrichmentResult outOfCredits = emitted(0);
        assertEquals(EnrichmentStatus.CREDITS_INSUFFICIENT, outOfCredits.getStatus());
        assertFalse(outOfCredits.getContacts().isEmpty());
        for (EnrichedContact c : outOfCredits.getContacts()) {
            assertEquals(ContactOutcome.CREDITS_INSUFFICIENT, c.getOutcome());
            assertEquals("12584", c.getCustom().get("user_id"));
        }
        EnrichedContact empty = emitted(1).getContacts().get(0);
        assertEquals(ContactOutcome.NOT_FOUND, empty.getOutcome());
    }
}
