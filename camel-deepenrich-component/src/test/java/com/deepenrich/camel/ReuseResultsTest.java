package com.deepenrich.camel;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.deepenrich.camel.ledger.JdbcDeepEnrichLedger;
import com.deepenrich.camel.model.ContactOutcome;
import com.deepenrich.camel.model.EnrichedContact;
import com.deepenrich.camel.model.EnrichmentResult;
import com.deepenrich.camel.model.PersonIdentity;
import com.deepenrich.camel.model.SubmissionReceipt;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.util.json.JsonObject;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import static com.deepenrich.camel.WireMockApi.contact;
import static com.deepenrich.camel.WireMockApi.respelled;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A person enriched within reuseResultsWithin is answered from her stored result without a request, flagged reused
 * with the date it was found; outside the window, for more enrich fields, after a result that found nothing for lack
 * of credits, or with the option off (its default), she is sent.
 */
class ReuseResultsTest extends ResultsTestSupport {

    private static final String AWAIT = "deepenrich:bulk?awaitResult=true&awaitPollInterval=20";
    /** The person of contact 0, as her stored result is keyed. */
    private static final String PERSON = PersonIdentity.person(contact(0), null);

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {

            @Override
            public void configure() {
                from("direct:await").to(AWAIT + "&reuseResultsWithin=1d");
                from("direct:awaitPhones").to(AWAIT + "&reuseResultsWithin=1d&enrichFields=contact.emails,"
                                              + "contact.phones");
                from("direct:awaitBriefly").to(AWAIT + "&reuseResultsWithin=1s");
                from("direct:awaitByDefault").to(AWAIT);
                from("direct:awaitOnJdbc").to(AWAIT + "&reuseResultsWithin=1d&ledger=#jdbcLedger");
                from("direct:bulk").to("deepenrich:bulk?reuseResultsWithin=1d");
                from("deepenrich:results?delay=20&initialDelay=0").routeId("results").autoStartup(false)
                        .process(exchange -> routeStep.process(exchange)).to("mock:results");
            }
        };
    }

    private EnrichmentResult send(String uri, Object... contacts) {
        Exchange out = template.request(uri, e -> e.getMessage().setBody(List.of(contacts)));
        assertNull(out.getException());
        return out.getMessage().getBody(EnrichmentResult.class);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:reuse-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        context.getRegistry().bind("jdbcLedger", new JdbcDeepEnrichLedger(database));
        return context;
    }

    /** Contact 0 sent through {@code uri}, her request's result ending {@code status}. */
    private void enrichedOnce(String uri, String status) {
        api.acceptBulkWithIdOfFirstSeq();
        EchoResults.stubEveryRequestOnceReceived(api, status);
        send(uri, contact(0));
    }

    @Test
    void anAwaitedPersonEnrichedWithinTheWindowIsNotSentAndComesBackReusedWithItsFoundDate() {
        api.acceptBulkWithIdOfFirstSeq();
        EchoResults.stubEveryRequestOnceReceived(api, "FINISHED");
        Instant before = Instant.now();
        send("direct:await", contact(0), contact(1));

        Exchange out = template.request("direct:await",
                e -> e.getMessage().setBody(List.of(contact(2), respelled(0, 5))));

        assertEquals(List.of(0, 1, 2), api.seqsReceived(), "the person enriched before not sent again");
        List<EnrichedContact> contacts = out.getMessage().getBody(EnrichmentResult.class).getContacts();
        assertEquals(List.of("2", "5"), contacts.stream().map(c -> c.getCustom().get("seq")).toList());
        assertFalse(contacts.get(0).isReused());
        EnrichedContact reused = contacts.get(1);
        assertTrue(reused.isReused());
        assertFalse(reused.isDeduplicated());
        assertFalse(reused.getReusedFoundAt().isBefore(before));
        assertFalse(reused.getReusedFoundAt().isAfter(Instant.now()));
        assertEquals("first0.last0@example.com", reused.getMostProbableEmail());
        assertEquals(ContactOutcome.FOUND, reused.getOutcome());
        assertEquals(1, out.getMessage().getHeader(DeepEnrichConstants.REUSED));
        assertEquals(1L, out.getMessage().getHeader(DeepEnrichConstants.CREDITS_AVOIDED), "the exchange's savings");
        DeepEnrichEndpoint bulk = context.getEndpoint(AWAIT + "&reuseResultsWithin=1d", DeepEnrichEndpoint.class);
        assertEquals(1, bulk.getContactsReused());
        assertEquals(1, bulk.getCreditsAvoided(), "her email, not paid again");
    }

    /** Contact 0 sent through direct:bulk, her result emitted by the results route. */
    private void enrichedThroughTheResultsRoute() throws Exception {
        api.acceptBulkWithIdOfFirstSeq();
        EchoResults.stubEveryRequestOnceReceived(api, "FINISHED");
        context.getRouteController().startRoute("results");
        results().expectedMessageCount(1);
        template.requestBody("direct:bulk", List.of(contact(0)));
        results().assertIsSatisfied();
    }

    @Test
    void theResultsRouteGetsAReusedContactAtOnceWithoutARequest() throws Exception {
        enrichedThroughTheResultsRoute();
        results().reset();
        results().expectedMessageCount(1);

        SubmissionReceipt receipt = template.requestBody("direct:bulk", List.of(respelled(0, 1)),
                SubmissionReceipt.class);

        results().assertIsSatisfied();
        assertEquals(List.of(0), api.seqsReceived(), "nothing sent for her");
        assertEquals(1, receipt.getReused());
        assertEquals(0, receipt.getSubmitted());
        assertEquals(List.of(), receipt.getEnrichmentIds());
        Message emitted = results().getExchanges().get(0).getMessage();
        assertEquals(1, emitted.getHeader(DeepEnrichConstants.REUSED));
        assertEquals(false, emitted.getHeader(DeepEnrichConstants.FOREIGN));
        EnrichedContact reused = emitted.getBody(EnrichmentResult.class).getContacts().get(0);
        assertTrue(reused.isReused());
        assertEquals("1", reused.getCustom().get("seq"));
        assertEquals("first0.last0@example.com", reused.getMostProbableEmail());
        JsonObject console = (JsonObject) PluginHelper.getDevConsoleResolver(context).resolveDevConsole("deepenrich")
                .call(DevConsole.MediaType.JSON);
        assertEquals(List.of(1L), console.getCollection("endpoints").stream().map(JsonObject.class::cast)
                .filter(e -> e.getString("uri").startsWith("deepenrich://bulk"))
                .map(e -> e.getLong("contactsReused")).filter(n -> n > 0).toList(),
                "the dev console counts the reused contact");
    }

    @Test
    void reusedContactsTheRouteFailedFailTheExchangeAndAreAnsweredWhenSentAgain() throws Exception {
        enrichedThroughTheResultsRoute();
        failFirstRouteAttempt("the route is down");
        results().reset();
        results().expectedMessageCount(1);

        Exchange failed = template.request("direct:bulk", e -> e.getMessage().setBody(List.of(respelled(0, 1))));
        template.requestBody("direct:bulk", List.of(respelled(0, 1)));

        DeepEnrichException failure = failed.getException(DeepEnrichException.class);
        assertEquals(List.of(respelled(0, 1)), failure.getProgress().unsubmittedContacts());
        results().assertIsSatisfied();
        assertTrue(results().getExchanges().get(0).getMessage().getBody(EnrichmentResult.class).getContacts().get(0)
                .isReused(), "answered from her stored result when sent again");
        assertEquals(List.of(0), api.seqsReceived(), "never sent again");
    }

    @Test
    void aPersonAskedForMoreEnrichFieldsIsSent() {
        enrichedOnce("direct:await", "FINISHED");

        EnrichmentResult again = send("direct:awaitPhones", respelled(0, 1));

        assertEquals(List.of(0, 1), api.seqsReceived());
        assertFalse(again.getContacts().get(0).isReused());
    }

    @Test
    void aPersonAskedForFewerEnrichFieldsIsReused() {
        enrichedOnce("direct:awaitPhones", "FINISHED");

        EnrichmentResult again = send("direct:await", respelled(0, 1));

        assertEquals(List.of(0), api.seqsReceived());
        assertTrue(again.getContacts().get(0).isReused());
    }

    @Test
    void aPersonFoundBeforeTheWindowIsSent() {
        enrichedOnce("direct:await", "FINISHED");
        await("her result older than a second").until(() -> ledger().people().storedResult(PERSON, Instant.now())
                .orElseThrow().foundAt().isBefore(Instant.now().minusSeconds(1)));

        EnrichmentResult again = send("direct:awaitBriefly", respelled(0, 1));

        assertEquals(List.of(0, 1), api.seqsReceived(), "found before this endpoint's window of one second");
        assertFalse(again.getContacts().get(0).isReused());
    }

    @Test
    void aStoredResultExpiresWithItsWindowAndIsPurged() {
        enrichedOnce("direct:awaitBriefly", "FINISHED");

        await("her result expired").until(() -> ledger().people().storedResult(PERSON, Instant.now()).isEmpty());

        assertEquals(1, ledger().people().purgeResults(Instant.now()), "her expired result purged");
        assertEquals(0, ledger().people().purgeResults(Instant.MAX), "nothing left of her");
    }

    @Test
    void aResultThatFoundNothingForLackOfCreditsIsNeverReused() {
        enrichedOnce("direct:await", "CREDITS_INSUFFICIENT");

        EnrichmentResult again = send("direct:await", respelled(0, 1));

        assertEquals(List.of(0, 1), api.seqsReceived(), "sent again after the top-up");
        assertFalse(again.getContacts().get(0).isReused());
        assertTrue(ledger().people().storedResult(PERSON, Instant.now()).isEmpty());
    }

    @Test
    void theJdbcLedgerKeepsTheResultThatIsReused() {
        enrichedOnce("direct:awaitOnJdbc", "FINISHED");

        EnrichmentResult again = send("direct:awaitOnJdbc", respelled(0, 1));

        assertEquals(List.of(0), api.seqsReceived());
        assertTrue(again.getContacts().get(0).isReused());
        JdbcDeepEnrichLedger jdbc = context.getRegistry().lookupByNameAndType("jdbcLedger", JdbcDeepEnrichLedger.class);
        assertTrue(jdbc.people().storedResult(PERSON, Instant.now()).isPresent(), "kept in its table");
        assertTrue(ledger().people().storedResult(PERSON, Instant.now()).isEmpty(), "not in the default ledger");
    }

    @Test
    void offByDefaultNothingIsKeptOrReused() {
        enrichedOnce("direct:awaitByDefault", "FINISHED");

        send("direct:awaitByDefault", respelled(0, 1));

        assertEquals(List.of(0, 1), api.seqsReceived());
        assertEquals(0, ledger().people().purgeResults(Instant.MAX), "no result stored");
    }
}
